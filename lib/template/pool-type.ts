/**
 * What a Prefect work pool type means for Pooldeck: which pools are ECS pools, and which runner
 * (check mode) prepares their RunTask request. `ecs` pools are run by the prefect-aws worker in the
 * user's network (hybrid); `ecs:push` pools by Prefect Cloud's push runner. Browser, server and CLI
 * all decide this here.
 */
import type { Mode } from "./types";

/** The two ECS pool types Pooldeck edits. */
export const ECS_POOL_TYPES = ["ecs", "ecs:push"] as const;
export type EcsPoolType = (typeof ECS_POOL_TYPES)[number];

/** The pool kinds a template can be written for (a check mode other than `raw`). */
export type PoolKind = Exclude<Mode, "raw">;

/** Is this an ECS pool type Pooldeck edits (`ecs` or `ecs:push`)? */
export function isEcsPoolType(type: string | undefined): type is EcsPoolType {
  return type === "ecs" || type === "ecs:push";
}

/** The runner of a pool type: `ecs:push` pools run Prefect Cloud's push runner, all others a worker. */
export function modeOfPoolType(type: string | undefined): PoolKind {
  return type === "ecs:push" ? "push" : "hybrid";
}

/** The Prefect pool type of a pool kind. */
export function poolTypeOfMode(kind: PoolKind): EcsPoolType {
  return kind === "push" ? "ecs:push" : "ecs";
}
