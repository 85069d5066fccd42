"use client";

/** The state of the Update pool dialog: what the push compares against, the last answer, the push. */
import { useMemo, useState } from "react";
import { usePushPermission } from "@/components/auth/operator-context";
import { deploymentsChanged } from "@/components/pools/reread-deployments";
import { useTemplateEditorState } from "@/components/template-editor/editor-context";
import { updatePool } from "@/lib/actions/update-pool";
import { documentTooLarge, MAX_DOCUMENT_CHARS } from "@/lib/outcome/types";
import { jsonEqual, stableHash } from "@/lib/template/stable-hash";
import type { JsonValue } from "@/lib/template/types";
import { usePushFlow } from "./push-flow";
import type { Base, Outcome } from "./update-pool-parts";

/** Pushes the surrounding TemplateEditor's text to `poolName` with updatePool. */
export function useUpdatePool(poolName: string, loadedUpdated: string | null) {
  const editor = useTemplateEditorState();
  const permission = usePushPermission();
  // what the next push compares against: the load, then each successful push or a rebase
  const [base, setBase] = useState<Base>(() => ({
    updated: loadedUpdated,
    template: JSON.parse(editor.savedText) as JsonValue,
    isSaved: true,
  }));
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const { text, value, diagnostics } = editor;
  // over the actions' limit nothing is sent (the server would refuse it) and no diff is drawn
  const tooLarge =
    text.length > MAX_DOCUMENT_CHARS ? documentTooLarge("template", text.length) : null;
  const parses = value !== undefined;
  // an unedited text is the saved template; otherwise compare key-sorted texts (hashing both with
  // SHA-256 in JS cost ~20 ms on every change, and comparing ~10 ms while the page hydrated)
  const unchanged = useMemo(
    () => parses && ((base.isSaved && !editor.dirty) || jsonEqual(value, base.template)),
    [parses, editor.dirty, value, base],
  );
  // the server may find errors the browser did not (it reads the cluster itself)
  const serverErrors = outcome?.kind === "failed" ? (outcome.failure.checkErrors?.length ?? 0) : 0;
  const errors = diagnostics.some((d) => d.severity === "error");
  const flow = usePushFlow(poolName, errors || serverErrors > 0);

  const push = (against: Base) =>
    flow.send(
      (override) =>
        updatePool({
          name: poolName,
          template: text,
          loadedUpdated: against.updated,
          loadedTemplateHash: stableHash(against.template),
          ...override,
        }),
      (result) => {
        if (result.ok) {
          setBase({ updated: result.data.updated, template: JSON.parse(text), isSaved: true });
          flow.setTypedName("");
          editor.markSaved(text);
          const { changed, warnings, clusterProblem } = result.data;
          setOutcome({ kind: "pushed", changed, warnings, clusterProblem });
          if (changed) deploymentsChanged(poolName);
        } else if (result.conflict) {
          const { updated, template } = result.conflict.remote;
          setOutcome({ kind: "conflict", failure: result, remote: { updated, template } });
        } else setOutcome({ kind: "failed", failure: result });
      },
    );

  const conflict = outcome?.kind === "conflict" ? outcome : null;
  // in a conflict the diff shows what Prefect holds now against the user's edit
  const left = conflict ? conflict.remote.template : base.template;
  return {
    editor,
    permission,
    setBase,
    outcome,
    setOutcome,
    flow,
    push,
    tooLarge,
    parses,
    unchanged,
    conflict,
    left,
    base,
  };
}
