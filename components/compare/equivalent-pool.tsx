"use client";

/**
 * "Create the equivalent pool of the other kind": the chosen pool's template converted for the
 * other mode (lib/template/editing/convert-pool-kind), shown as a diff with its checks, created
 * through the same createPool action as /pools/new, and the same thing as CLI commands.
 */
import { useMemo, useState } from "react";
import { usePushPermission } from "@/components/auth/operator-context";
import { PushDisabledNote } from "@/components/auth/sign-in-again";
import { ChecksSummary } from "@/components/push/checks-summary";
import { LazyTemplateDiff } from "@/components/push/lazy-template-diff";
import { TypedNameOverride, usePushFlow } from "@/components/push/push-flow";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { createPool } from "@/lib/actions/create-pool";
import { runChecks } from "@/lib/checks";
import { validateWorkPoolName } from "@/lib/prefect/names";
import type { ClusterSnapshot } from "@/lib/snapshot/schema";
import { convertTemplate } from "@/lib/template/editing/convert-pool-kind";
import { modeOfPoolType, poolTypeOfMode } from "@/lib/template/pool-type";
import { stableHash } from "@/lib/template/stable-hash";
import type { JsonObject } from "@/lib/template/types";
import { poolCommands, templateFileName } from "./cli-commands";
import * as Parts from "./equivalent-pool-parts";

export interface EquivalentPoolProps {
  source: { name: string; type: string; template: JsonObject };
  snapshot?: ClusterSnapshot;
  /** connected to Prefect Cloud (push pools run only there) */
  cloud: boolean;
  /** names of the pools that exist, so the suggested name is free */
  takenNames: string[];
  /** the server's AWS Credentials blocks (names and ids only) */
  credentialsBlocks: { id: string; name: string }[];
}

/** `<source>-<kind>`, or with -2, -3 … when that pool exists. */
function freeName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

/** Converts the chosen pool for the other kind, and creates it on request. */
export function EquivalentPool(props: EquivalentPoolProps) {
  const { source, snapshot, cloud, takenNames, credentialsBlocks } = props;
  const target = modeOfPoolType(source.type) === "push" ? "hybrid" : "push";
  const targetType = poolTypeOfMode(target);
  const taken = useMemo(() => new Set(takenNames), [takenNames]);
  const [name, setName] = useState(() => freeName(`${source.name}-${target}`, taken));
  const [blockId, setBlockId] = useState("");
  const [outcome, setOutcome] = useState<Parts.Outcome | null>(null);
  const permission = usePushPermission();
  const converted = useMemo(
    () =>
      convertTemplate(
        source.template,
        target,
        target === "push" && blockId ? { credentialsBlockId: blockId } : {},
      ),
    [source.template, target, blockId],
  );
  const { template } = converted;
  const text = useMemo(() => JSON.stringify(template, null, 2), [template]);
  const diagnostics = useMemo(
    () => runChecks({ template, mode: target, ...(snapshot ? { snapshot } : {}) }).diagnostics,
    [template, target, snapshot],
  );
  const flow = usePushFlow(
    name,
    diagnostics.some((d) => d.severity === "error"),
  );
  const nameProblem =
    validateWorkPoolName(name) ??
    (taken.has(name) && outcome?.kind !== "created"
      ? { message: `A pool named ${name} already exists; choose another name.` }
      : null);
  const file = templateFileName(name);
  const create = () =>
    flow.send(
      (override) => createPool({ name, type: targetType, from: { template }, ...override }),
      (result) =>
        setOutcome(
          result.ok
            ? {
                kind: "created",
                name: result.data.name,
                exact: result.data.hash === stableHash(template),
                warnings: result.data.warnings,
              }
            : { kind: "failed", failure: result },
        ),
    );

  return (
    <div className="grid gap-4">
      <p className="text-sm">
        A new <strong>{targetType}</strong> pool with {source.name}&apos;s template, fixed for{" "}
        {target} mode. {source.name} itself is not changed.
      </p>
      {target === "push" && !cloud ? (
        <Alert tone="warning" title="This Prefect server will store the push pool but never run it">
          Push pools exist only on Prefect Cloud. A self-hosted server accepts an ecs:push pool, but
          nothing submits its runs. Create it here to try the template, or run these commands
          against your Prefect Cloud workspace.
        </Alert>
      ) : null}
      <Parts.EquivalentFields
        name={name}
        onName={setName}
        nameProblem={nameProblem}
        blocks={target === "push" ? credentialsBlocks : null}
        blockId={blockId}
        onBlock={setBlockId}
      />
      <div
        role="region"
        aria-label={`Template of ${source.name} (left) and the converted template (right)`}
        className="h-[45vh] min-h-64 overflow-hidden rounded-md border border-border"
      >
        <LazyTemplateDiff
          original={JSON.stringify(source.template, null, 2)}
          modified={text}
          originalLabel={`${source.name} (${source.type})`}
          modifiedLabel={`${name || "new pool"} (${targetType}): converted`}
        />
      </div>
      <Parts.ConversionChanges converted={converted} />
      <ChecksSummary
        diagnostics={diagnostics}
        source={`of the converted template (${target} mode)`}
      />
      <TypedNameOverride
        flow={flow}
        id="equivalent-override"
        labelId="equivalent-errors"
        label={`The converted template has errors. Type the new pool name (${name}) to create it anyway`}
      />
      <div className="flex flex-wrap items-center gap-2">
        <Button
          type="button"
          variant={flow.needed ? "destructive" : "primary"}
          disabled={!permission.allowed || Boolean(nameProblem) || !flow.ok || flow.pending}
          onClick={create}
          // its label holds the new pool's name: it wraps rather than widen a narrow screen
          className="h-auto! min-h-9 py-1.5 whitespace-normal!"
          aria-describedby={
            [permission.allowed ? "" : "equivalent-permission", flow.ok ? "" : "equivalent-errors"]
              .filter(Boolean)
              .join(" ") || undefined
          }
        >
          {flow.pending ? "Creating…" : `Create ${targetType} pool ${name}`}
        </Button>
        <PushDisabledNote reason={permission.reason} id="equivalent-permission" />
      </div>
      <Parts.EquivalentResult outcome={outcome} />
      <Parts.EquivalentCli
        file={file}
        text={text}
        commands={poolCommands(name, targetType, file)}
      />
    </div>
  );
}
