/** Strategy rules that need the cluster snapshot: providers must be associated and usable. */
import { finalStrategy } from "../plan-facts";
import { skip, type Rule } from "../rule";
import type { Diagnostic } from "../types";

const STRATEGY = ["task_run_request", "capacityProviderStrategy"];
const NO_SNAPSHOT = "needs a cluster snapshot (pass --snapshot or pick a cluster)";

export const providerNotInCluster: Rule = {
  id: "ecs/provider-not-in-cluster",
  summary: "Every strategy provider must be associated with the cluster.",
  needs: "plan",
  run(ctx) {
    const snapshot = ctx.snapshot;
    if (!snapshot) return skip(NO_SNAPSHOT);
    const associated = new Set(snapshot.cluster.capacityProviders);
    for (const provider of snapshot.capacityProviders)
      if (provider.associated) associated.add(provider.name);
    const out: Diagnostic[] = [];
    for (const entry of finalStrategy(ctx)) {
      if (associated.has(entry.capacityProvider)) continue;
      const location = ctx.configLocation([...STRATEGY, entry.index, "capacityProvider"]);
      const available = [...associated].sort().join(", ") || "none";
      out.push({
        rule: this.id,
        severity: "error",
        document: location.document,
        path: location.pointer,
        message: `Capacity provider "${entry.capacityProvider}" is not associated with cluster "${snapshot.cluster.name}", so RunTask fails. Use one of the cluster's providers (${available}) or associate it with the cluster first.`,
      });
    }
    return out;
  },
};

export const providerInactive: Rule = {
  id: "ecs/provider-inactive",
  summary: "Strategy providers must be ACTIVE or UPDATING.",
  needs: "plan",
  run(ctx) {
    const snapshot = ctx.snapshot;
    if (!snapshot) return skip(NO_SNAPSHOT);
    const out: Diagnostic[] = [];
    for (const entry of finalStrategy(ctx)) {
      const provider = snapshot.capacityProviders.find((p) => p.name === entry.capacityProvider);
      if (!provider || provider.status === "ACTIVE" || provider.status === "UPDATING") continue;
      const location = ctx.configLocation([...STRATEGY, entry.index, "capacityProvider"]);
      out.push({
        rule: this.id,
        severity: "error",
        document: location.document,
        path: location.pointer,
        message: `Capacity provider "${entry.capacityProvider}" is ${provider.status}; ECS only places tasks with ACTIVE or UPDATING providers, so RunTask fails. Pick an active provider.`,
      });
    }
    return out;
  },
};
