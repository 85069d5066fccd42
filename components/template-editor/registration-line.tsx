import type { ClusterSnapshot } from "@/lib/snapshot/schema";
import { predictionHeadline, type RegistrationPrediction } from "@/lib/template/registration";

/**
 * One line under the RunTask preview: how often the worker registers this task definition, why,
 * and the family's revision count when the snapshot has it (`pooldeck snapshot --family`).
 */
export function RegistrationLine({
  prediction,
  snapshot,
}: {
  prediction: RegistrationPrediction | undefined;
  snapshot?: ClusterSnapshot;
}) {
  if (!prediction) return null;
  const count = snapshot?.taskDefinitions.find(
    (t) => t.family === prediction.family,
  )?.revisionCount;
  return (
    <p aria-label="Task definition registration" className="text-xs">
      <span
        className={prediction.kind === "every-run" ? "font-medium text-warning" : "font-medium"}
      >
        Task definition: {predictionHeadline(prediction)}
      </span>{" "}
      <span className="text-muted-foreground">
        — {prediction.reason}
        {typeof count === "number" ? ` The family has ${count} ACTIVE revisions.` : ""}
      </span>
    </p>
  );
}
