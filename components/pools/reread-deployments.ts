"use client";

import { useEffect } from "react";

const EVENT = "pooldeck:deployments-changed";

/**
 * Tells the pool page's deployments section that what it shows changed: a pushed template changes
 * every deployment's effective configuration and verdict, saved job_variables their own. An event
 * rather than react-query's invalidation: the pool page does not load react-query (its route's
 * JavaScript budget).
 */
export function deploymentsChanged(poolName: string) {
  window.dispatchEvent(new CustomEvent<string>(EVENT, { detail: poolName }));
}

/** Calls `reread` whenever deploymentsChanged names `poolName`. */
export function useOnDeploymentsChanged(poolName: string, reread: () => void) {
  useEffect(() => {
    const onChanged = (event: Event) => {
      if ((event as CustomEvent<string>).detail === poolName) reread();
    };
    window.addEventListener(EVENT, onChanged);
    return () => window.removeEventListener(EVENT, onChanged);
  }, [poolName, reread]);
}
