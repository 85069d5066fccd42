/**
 * Monaco from the local `monaco-editor` package — never a CDN (users run Pooldeck inside private
 * networks). Imported only by the dynamically loaded editor, so none of this runs on the server or
 * before the page is interactive.
 *
 * Workers: Turbopack (Next 16's default for dev and build) bundles `new Worker(new URL(…,
 * import.meta.url), { type: "module" })` into its own worker chunks; the paths carry `.js`
 * because monaco-editor's `exports` map ("./*": "./*") adds no extension.
 */
import { loader } from "@monaco-editor/react";
import * as monaco from "monaco-editor";
import { findQuickFixes } from "./quick-fixes";

declare global {
  interface Window {
    MonacoEnvironment?: monaco.Environment;
  }
}

let configured = false;

/** Points @monaco-editor/react at the bundled Monaco and registers Pooldeck's code actions once. */
export function setupMonaco(): typeof monaco {
  if (configured) return monaco;
  configured = true;
  window.MonacoEnvironment = {
    getWorker(_workerId: string, label: string) {
      if (label === "json") {
        return new Worker(
          new URL("monaco-editor/esm/vs/language/json/json.worker.js", import.meta.url),
          {
            type: "module",
          },
        );
      }
      return new Worker(new URL("monaco-editor/esm/vs/editor/editor.worker.js", import.meta.url), {
        type: "module",
      });
    },
  };
  loader.config({ monaco });
  monaco.languages.registerCodeActionProvider(
    "json",
    {
      provideCodeActions(model, range, context) {
        const actions = findQuickFixes(model.uri.toString(), range, model.getValue()).map(
          (fix) => ({
            title: fix.title,
            kind: "quickfix",
            isPreferred: true,
            diagnostics: context.markers.filter(
              (m) => m.source === "pooldeck" && m.code === fix.rule,
            ),
            edit: {
              edits: [
                {
                  resource: model.uri,
                  versionId: model.getVersionId(),
                  textEdit: {
                    range: monaco.Range.fromPositions(
                      model.getPositionAt(fix.edit.offset),
                      model.getPositionAt(fix.edit.offset + fix.edit.length),
                    ),
                    text: fix.edit.content,
                  },
                },
              ],
            },
          }),
        );
        return { actions, dispose() {} };
      },
    },
    { providedCodeActionKinds: ["quickfix"] },
  );
  return monaco;
}

export { monaco };
