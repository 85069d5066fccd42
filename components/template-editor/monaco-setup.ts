/**
 * Monaco from the local `monaco-editor` package — never a CDN (users run Pooldeck inside private
 * networks). Imported only by the dynamically loaded editor, so none of this runs on the server.
 *
 * Only what Pooldeck uses: the editor API (no languages, no features), the JSON language and its
 * worker, the diff editor and the editing features below — about a third of `monaco-editor`'s
 * full entry, which registers every language and feature. monaco-editor 0.55's JSON language files
 * import every feature as a side effect; scripts/build/monaco-features-loader.cjs (a Turbopack rule
 * in next.config.js) removes those imports, so the list below is what ships.
 *
 * Workers: Turbopack (Next 16's default for dev and build) bundles `new Worker(new URL(…,
 * import.meta.url), { type: "module" })` into its own worker chunks; the paths carry `.js`
 * because monaco-editor's `exports` map ("./*": "./*") adds no extension.
 */
import { loader } from "@monaco-editor/react";
import type { json as JsonLanguage } from "monaco-editor";
import * as monaco from "monaco-editor/esm/vs/editor/editor.api.js";
import * as jsonLanguage from "monaco-editor/esm/vs/language/json/monaco.contribution.js";
// typing, cursor and clipboard commands; the code and diff editor widgets
import "monaco-editor/esm/vs/editor/browser/coreCommands.js";
import "monaco-editor/esm/vs/editor/browser/widget/codeEditor/codeEditorWidget.js";
import "monaco-editor/esm/vs/editor/browser/widget/diffEditor/diffEditor.contribution.js";
import "monaco-editor/esm/vs/editor/contrib/clipboard/browser/clipboard.js";
import "monaco-editor/esm/vs/editor/contrib/contextmenu/browser/contextmenu.js";
import "monaco-editor/esm/vs/editor/contrib/cursorUndo/browser/cursorUndo.js";
import "monaco-editor/esm/vs/editor/contrib/wordOperations/browser/wordOperations.js";
import "monaco-editor/esm/vs/editor/contrib/linesOperations/browser/linesOperations.js";
import "monaco-editor/esm/vs/editor/contrib/multicursor/browser/multicursor.js";
import "monaco-editor/esm/vs/editor/contrib/indentation/browser/indentation.js";
import "monaco-editor/esm/vs/editor/contrib/readOnlyMessage/browser/contribution.js";
// Ctrl+M (Ctrl+Shift+M on a Mac): Tab moves the focus instead of indenting, so a keyboard user
// can leave the editor (WCAG 2.1.2); json-editor.tsx tells them
import "monaco-editor/esm/vs/editor/contrib/toggleTabFocusMode/browser/toggleTabFocusMode.js";
// reading the template: find, folding, bracket matching, go to line (Ctrl+G)
import "monaco-editor/esm/vs/editor/contrib/find/browser/findController.js";
import "monaco-editor/esm/vs/editor/contrib/folding/browser/folding.js";
import "monaco-editor/esm/vs/editor/contrib/bracketMatching/browser/bracketMatching.js";
import "monaco-editor/esm/vs/editor/standalone/browser/quickAccess/standaloneGotoLineQuickAccess.js";
// the checks' markers and fixes: hovers, F8 to the next problem, the lightbulb and Ctrl+.
import "monaco-editor/esm/vs/editor/contrib/hover/browser/hoverContribution.js";
import "monaco-editor/esm/vs/editor/contrib/gotoError/browser/gotoError.js";
import "monaco-editor/esm/vs/editor/contrib/codeAction/browser/codeActionContributions.js";
// the schema's completions (suggest inserts snippets) and JSON formatting
import "monaco-editor/esm/vs/editor/contrib/suggest/browser/suggestController.js";
import "monaco-editor/esm/vs/editor/contrib/snippet/browser/snippetController2.js";
import "monaco-editor/esm/vs/editor/contrib/format/browser/formatActions.js";
import "monaco-editor/esm/vs/editor/common/standaloneStrings.js";
import "monaco-editor/esm/vs/base/browser/ui/codicons/codicon/codicon.css";
import "monaco-editor/esm/vs/base/browser/ui/codicons/codicon/codicon-modifiers.css";
import { findQuickFixes } from "./quick-fixes";

/** The JSON language's options (schemas, validation); its module has no type declarations. */
export const jsonDefaults = (jsonLanguage as unknown as typeof JsonLanguage).jsonDefaults;

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
