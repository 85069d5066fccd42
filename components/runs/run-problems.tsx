import { Alert } from "@/components/ui/alert";
import type { PoolRunsPage } from "@/lib/runs/types";

const TITLES = {
  tasks: "ECS tasks could not be read",
  workers: "The pool's workers could not be read",
} as const;

/** One warning per section that could not be read; the rest of the page stays as it is. */
export function RunProblems({ problems }: { problems: PoolRunsPage["problems"] }) {
  if (problems.length === 0) return null;
  return (
    <div className="mb-4 grid gap-2">
      {problems.map((p) => (
        <Alert key={p.section} tone="warning" title={TITLES[p.section]}>
          {p.message}
        </Alert>
      ))}
    </div>
  );
}
