"use client";

import { usePathname } from "next/navigation";

/** The pool name of a /pools/<name>… URL, quoted; Next gives not-found pages no params. */
export function PoolNameFromPath() {
  const segment = usePathname().split("/")[2] ?? "";
  let name = segment;
  try {
    name = decodeURIComponent(segment);
  } catch {
    // a malformed escape: show the segment as typed
  }
  return <q className="font-mono">{name}</q>;
}
