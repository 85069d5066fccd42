/**
 * The "managed as code" marker: a last line `x-pooldeck-managed: <source>` in a work pool's
 * description, written by `pooldeck export` into the pool file and stored in Prefect by
 * `pooldeck apply`. It lives in the description because that is a field every Prefect (self-hosted
 * and Cloud) already shows and stores with the pool: no extra read per pool, and the marker
 * travels with the pool file. Pure: the dashboard's client components read it too.
 */

export const MANAGED_MARKER = "x-pooldeck-managed";

const LINE = new RegExp(`^\\s*${MANAGED_MARKER}:[ \\t]*(.*?)\\s*$`);

/** Where the pool is managed (the marker's text), or null when its description has no marker. */
export function managedSource(description: string | null | undefined): string | null {
  if (!description) return null;
  for (const line of description.split("\n").reverse()) {
    const match = LINE.exec(line);
    if (match) return match[1] || "code";
  }
  return null;
}

/** The description without its marker line (what a person wrote), or null when nothing is left. */
export function descriptionText(description: string | null | undefined): string | null {
  const text = (description ?? "")
    .split("\n")
    .filter((line) => !LINE.test(line))
    .join("\n")
    .trimEnd();
  return text || null;
}

/** The description with exactly one marker line naming `source` at its end (other text kept). */
export function withManagedMarker(description: string | null | undefined, source: string): string {
  const text = descriptionText(description);
  const marker = `${MANAGED_MARKER}: ${source.replace(/\s+/g, " ").trim()}`;
  return text ? `${text}\n\n${marker}` : marker;
}
