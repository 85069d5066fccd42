import type { RegistrationView } from "@/lib/registration/pool-predictions";

/**
 * How often the worker registers a task definition revision for one deployment, with the reason,
 * the differences from the family's latest revision and the family's revision count. Server
 * rendered: no client JavaScript.
 */
export function RegistrationPrediction({
  deployment,
  view,
}: {
  deployment: string;
  view: RegistrationView;
}) {
  const tone = view.kind === "every-run" ? "text-warning" : "text-foreground";
  return (
    <div
      role="group"
      aria-label={`Task definition registration of ${deployment}`}
      className="grid gap-1 rounded-md border border-border p-2 text-sm"
    >
      <p>
        <span className="text-xs font-medium text-muted-foreground">Task definition: </span>
        <span className={`font-medium ${tone}`}>{view.headline}</span>
      </p>
      <p className="text-xs text-muted-foreground">{view.reason}</p>
      {view.diff.length > 0 ? (
        <ul aria-label="Differences from the latest revision" className="font-mono text-xs">
          {view.diff.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
      <p className="text-xs text-muted-foreground">
        {view.revisionCount !== null
          ? `Family ${view.family}: ${view.revisionCount} ACTIVE ${view.revisionCount === 1 ? "revision" : "revisions"}.`
          : view.countProblem
            ? `Family ${view.family}: revision count omitted — ${view.countProblem}`
            : `Family ${view.family}.`}
        {view.latestProblem ? ` The latest revision could not be read: ${view.latestProblem}` : ""}
      </p>
    </div>
  );
}
