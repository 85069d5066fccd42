import "server-only";

import { defaultRegion } from "@/lib/ecs";
import type { Deployment, WorkPool } from "@/lib/prefect/types";
import {
  predictPoolRegistrations,
  type RegistrationView,
} from "@/lib/registration/pool-predictions";
import type { JsonObject, JsonValue, Mode } from "@/lib/template/types";

/** The registration prediction of each deployment of a pool; AWS trouble leaves it out, never throws. */
export async function poolRegistrationViews(
  pool: WorkPool,
  template: JsonValue,
  mode: Mode,
  deployments: Deployment[],
): Promise<Map<string, RegistrationView>> {
  try {
    return await predictPoolRegistrations(
      { name: pool.name, template, mode },
      deployments.map((d) => ({
        id: d.id,
        name: d.name,
        jobVariables: (d.job_variables ?? {}) as JsonObject,
      })),
      { region: defaultRegion() },
    );
  } catch {
    return new Map();
  }
}
