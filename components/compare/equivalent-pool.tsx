"use client";

/**
 * "Create the equivalent pool of the other kind": the chosen pool's template converted for the
 * other mode (lib/template/editing/convert-pool-kind), shown as a diff with its checks, created
 * through the same createPool action as /pools/new, and the same thing as CLI commands.
 */
import dynamic from "next/dynamic";
import Link from "next/link";
import { useMemo, useState, useTransition } from "react";
import { usePushPermission } from "@/components/auth/operator-context";
import { PushDisabledNote, SignInAgainLink } from "@/components/auth/sign-in-again";
import { ChecksSummary } from "@/components/push/checks-summary";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input, Label, NativeSelect } from "@/components/ui/input";
import { createPool } from "@/lib/actions/create-pool";
import type { ActionFailure } from "@/lib/actions/types";
import { runChecks } from "@/lib/checks";
import { validateWorkPoolName } from "@/lib/prefect/names";
import type { ClusterSnapshot } from "@/lib/snapshot/schema";
import { convertTemplate } from "@/lib/template/editing/convert-pool-kind";
import { stableHash } from "@/lib/template/stable-hash";
import type { JsonObject } from "@/lib/template/types";
import { CodeBlock } from "./code-block";
import { poolCommands, templateFileName } from "./cli-commands";
import { modeOfPoolType, poolTypeOfMode } from "@/lib/template/pool-type";

const TemplateDiffView = dynamic(() => import("@/components/push/template-diff"), {
  ssr: false,
  loading: () => (
    <p role="status" className="p-3 text-xs text-muted-foreground">
      Loading the diff…
    </p>
  ),
});

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

type Outcome =
  | { kind: "created"; name: string; exact: boolean; warnings: number }
  | { kind: "failed"; failure: ActionFailure };

/** Converts the chosen pool for the other kind, and creates it on request. */
export function EquivalentPool(props: EquivalentPoolProps) {
  const { source, snapshot, cloud, takenNames, credentialsBlocks } = props;
  const target = modeOfPoolType(source.type) === "push" ? "hybrid" : "push";
  const targetType = poolTypeOfMode(target);
  const taken = useMemo(() => new Set(takenNames), [takenNames]);
  const [name, setName] = useState(() => freeName(`${source.name}-${target}`, taken));
  const [blockId, setBlockId] = useState("");
  const [typedName, setTypedName] = useState("");
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [pending, startTransition] = useTransition();
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
  const text = useMemo(() => JSON.stringify(converted.template, null, 2), [converted.template]);
  const diagnostics = useMemo(
    () =>
      runChecks({ template: converted.template, mode: target, ...(snapshot ? { snapshot } : {}) })
        .diagnostics,
    [converted.template, target, snapshot],
  );
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const nameProblem =
    validateWorkPoolName(name) ??
    (taken.has(name) && outcome?.kind !== "created"
      ? { message: `A pool named ${name} already exists; choose another name.` }
      : null);
  const ready = permission.allowed && !nameProblem && (errors === 0 || typedName === name);
  const file = templateFileName(name);
  const commands = poolCommands(name, targetType, file);

  const create = () => {
    const template = converted.template;
    startTransition(async () => {
      const result = await createPool({
        name,
        type: targetType,
        from: { template },
        ...(typedName ? { overrideErrors: typedName } : {}),
      });
      setOutcome(
        result.ok
          ? {
              kind: "created",
              name: result.data.name,
              exact: result.data.hash === stableHash(template),
              warnings: result.data.warnings,
            }
          : { kind: "failed", failure: result },
      );
    });
  };

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
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="grid gap-1">
          <Label htmlFor="equivalent-name">New pool name</Label>
          <Input
            id="equivalent-name"
            value={name}
            aria-invalid={Boolean(nameProblem) || undefined}
            aria-describedby={nameProblem ? "equivalent-name-problem" : undefined}
            onChange={(e) => setName(e.target.value)}
          />
          {nameProblem ? (
            <p id="equivalent-name-problem" className="text-xs text-destructive">
              {nameProblem.message}
            </p>
          ) : null}
        </div>
        {target === "push" ? (
          <div className="grid gap-1">
            <Label htmlFor="equivalent-block">AWS Credentials block</Label>
            <NativeSelect
              id="equivalent-block"
              value={blockId}
              aria-describedby="equivalent-block-help"
              onChange={(e) => setBlockId(e.target.value)}
            >
              <option value="">None yet: set it before the first run</option>
              {credentialsBlocks.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </NativeSelect>
            <p id="equivalent-block-help" className="text-xs text-muted-foreground">
              {credentialsBlocks.length === 0
                ? "This server has no AWS Credentials block yet; create one in Prefect, then reload."
                : "Becomes aws_credentials' default, as Prefect's own push setup writes it."}
            </p>
          </div>
        ) : null}
      </div>
      <div
        role="region"
        aria-label={`Template of ${source.name} (left) and the converted template (right)`}
        className="h-[45vh] min-h-64 overflow-hidden rounded-md border border-border"
      >
        <TemplateDiffView
          original={JSON.stringify(source.template, null, 2)}
          modified={text}
          originalLabel={`${source.name} (${source.type})`}
          modifiedLabel={`${name || "new pool"} (${targetType}): converted`}
        />
      </div>
      <div className="grid gap-1 text-xs">
        <p className="font-medium">
          What the conversion changed ({converted.changes.length}{" "}
          {converted.changes.length === 1 ? "change" : "changes"})
        </p>
        {converted.changes.length > 0 ? (
          <ul aria-label="Conversion changes" className="list-disc pl-5 text-muted-foreground">
            {converted.changes.map((c) => (
              <li key={c.pointer}>
                <span className="text-foreground">{c.title}</span>: {c.why}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-muted-foreground">Nothing: the template works as it is.</p>
        )}
        {converted.notes.map((n) => (
          <p key={n} className="text-warning">
            {n}
          </p>
        ))}
      </div>
      <ChecksSummary
        diagnostics={diagnostics}
        source={`of the converted template (${target} mode)`}
      />
      {errors > 0 ? (
        <div className="grid max-w-md gap-1">
          <Label htmlFor="equivalent-override">
            The converted template has errors. Type the new pool name ({name}) to create it anyway
          </Label>
          <Input
            id="equivalent-override"
            value={typedName}
            autoComplete="off"
            onChange={(e) => setTypedName(e.target.value)}
          />
        </div>
      ) : null}
      <div className="flex flex-wrap items-center gap-2">
        <Button
          type="button"
          variant={errors > 0 ? "destructive" : "primary"}
          disabled={!ready || pending}
          onClick={create}
          aria-describedby={permission.allowed ? undefined : "equivalent-permission"}
        >
          {pending ? "Creating…" : `Create ${targetType} pool ${name}`}
        </Button>
        <PushDisabledNote reason={permission.reason} id="equivalent-permission" />
      </div>
      <Result outcome={outcome} />
      <div className="grid gap-3 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <CodeBlock
          label={`Template file ${file}`}
          text={text}
          download={{ fileName: file, mediaType: "application/json" }}
        />
        <div className="grid content-start gap-3">
          <CodeBlock label="CLI: create the pool" text={commands.create} />
          <CodeBlock label="CLI: update an existing pool" text={commands.update} />
          {commands.worker ? (
            <CodeBlock label="CLI: start its worker" text={commands.worker} />
          ) : null}
        </div>
      </div>
    </div>
  );
}

function Result({ outcome }: { outcome: Outcome | null }) {
  if (!outcome) return null;
  if (outcome.kind === "created") {
    return (
      <Alert tone="success" title={`Created ${outcome.name}`}>
        {outcome.exact
          ? "Prefect stored exactly the converted template."
          : "Prefect stored a template that differs from the converted one; open the pool to see it."}{" "}
        {outcome.warnings > 0 ? `${outcome.warnings} warnings remain. ` : ""}
        <Link className="underline" href={`/pools/${encodeURIComponent(outcome.name)}`}>
          Open {outcome.name}
        </Link>
      </Alert>
    );
  }
  return (
    <Alert tone="destructive" title="Not created">
      <p>{outcome.failure.error}</p>
      <SignInAgainLink auth={outcome.failure.auth} />
      {outcome.failure.checkErrors?.length ? (
        <ul className="mt-1 list-disc pl-5 text-xs">
          {outcome.failure.checkErrors.map((d, i) => (
            <li key={i}>
              <span className="font-mono">{d.rule}</span> {d.message}
            </li>
          ))}
        </ul>
      ) : null}
    </Alert>
  );
}
