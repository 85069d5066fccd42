"use client";

/** The parts of the equivalent-pool converter: its name and credentials fields, what changed, the CLI, the answer. */
import { PushFailure, warningsRemain } from "@/components/push/push-flow";
import { Alert } from "@/components/ui/alert";
import { Input, Label, NativeSelect } from "@/components/ui/input";
import type { ActionFailure } from "@/lib/outcome/types";
import type { ConvertedTemplate } from "@/lib/template/editing/convert-pool-kind";
import { CodeBlock } from "./code-block";
import type { PoolCommands } from "./cli-commands";
import { IntentLink } from "@/components/ui/intent-link";

export type Outcome =
  | { kind: "created"; name: string; exact: boolean; warnings: number }
  | { kind: "failed"; failure: ActionFailure };

/** The new pool's name, and for a push pool the AWS Credentials block its template defaults to. */
export function EquivalentFields(props: {
  name: string;
  onName(name: string): void;
  nameProblem: { message: string } | null;
  /** only for a push pool */
  blocks: { id: string; name: string }[] | null;
  blockId: string;
  onBlock(id: string): void;
}) {
  const { name, nameProblem, blocks } = props;
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <div className="grid gap-1">
        <Label htmlFor="equivalent-name">New pool name</Label>
        <Input
          id="equivalent-name"
          value={name}
          aria-invalid={Boolean(nameProblem) || undefined}
          aria-describedby={nameProblem ? "equivalent-name-problem" : undefined}
          onChange={(e) => props.onName(e.target.value)}
        />
        {nameProblem ? (
          <p id="equivalent-name-problem" className="text-xs text-destructive">
            {nameProblem.message}
          </p>
        ) : null}
      </div>
      {blocks ? (
        <div className="grid gap-1">
          <Label htmlFor="equivalent-block">AWS Credentials block</Label>
          <NativeSelect
            id="equivalent-block"
            value={props.blockId}
            aria-describedby="equivalent-block-help"
            onChange={(e) => props.onBlock(e.target.value)}
          >
            <option value="">None yet: set it before the first run</option>
            {blocks.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </NativeSelect>
          <p id="equivalent-block-help" className="text-xs text-muted-foreground">
            {blocks.length === 0
              ? "This server has no AWS Credentials block yet; create one in Prefect, then reload."
              : "Becomes aws_credentials' default, as Prefect's own push setup writes it."}
          </p>
        </div>
      ) : null}
    </div>
  );
}

/** What the conversion changed and what it left alone on purpose. */
export function ConversionChanges({ converted }: { converted: ConvertedTemplate }) {
  const n = converted.changes.length;
  return (
    <div className="grid gap-1 text-xs">
      <p className="font-medium">
        What the conversion changed ({n} {n === 1 ? "change" : "changes"})
      </p>
      {n > 0 ? (
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
  );
}

/** The converted template as a file, and the CLI commands that create the same pool. */
export function EquivalentCli(props: { file: string; text: string; commands: PoolCommands }) {
  const { file, text, commands } = props;
  return (
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
  );
}

/** The answer to "Create": a link to the new pool, or the refusal. */
export function EquivalentResult({ outcome }: { outcome: Outcome | null }) {
  if (!outcome) return null;
  if (outcome.kind === "created") {
    return (
      <Alert tone="success" title={`Created ${outcome.name}`}>
        {outcome.exact
          ? "Prefect stored exactly the converted template."
          : "Prefect stored a template that differs from the converted one; open the pool to see it."}{" "}
        {warningsRemain(outcome.warnings)}
        <IntentLink className="underline" href={`/pools/${encodeURIComponent(outcome.name)}`}>
          Open {outcome.name}
        </IntentLink>
      </Alert>
    );
  }
  return <PushFailure title="Not created" failure={outcome.failure} />;
}
