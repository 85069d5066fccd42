"use client";

import { createContext } from "react";

/**
 * Reads the pool page's deployments section again, keeping what it shows until the answer: a
 * deployment's saved job_variables change its effective configuration and verdict.
 */
export const RereadDeployments = createContext<() => void>(() => {});
