import "server-only";

import { cookies } from "next/headers";

import { defaultRegion } from "./context";

import { REGION_COOKIE, regionSchema } from "./params";

/** The region a cluster page shows: the URL's, else the remembered cookie, else the configured one. */
export async function resolveRegion(fromUrl: string | string[] | undefined): Promise<string> {
  const candidates = [
    typeof fromUrl === "string" ? fromUrl : undefined,
    (await cookies()).get(REGION_COOKIE)?.value,
  ];
  for (const c of candidates) {
    if (c && regionSchema.safeParse(c).success) return c;
  }
  try {
    return defaultRegion();
  } catch {
    // configuration errors are reported by the status page; the region list still works
    return "us-east-1";
  }
}
