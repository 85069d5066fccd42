/**
 * Drafts: unsaved template text kept in localStorage per Prefect server and pool, written on
 * every change so a reload or a browser crash loses nothing.
 */

export interface Draft {
  text: string;
  /** ISO time of the last change */
  savedAt: string;
  /** hash of the pool's template text the draft started from */
  baseHash: string;
}

/** Storage key of one pool's draft; the server key keeps two Prefect servers' "ecs" pools apart. */
export function draftKey(serverKey: string, pool: string): string {
  return `pooldeck:draft:v1:${serverKey}:${pool}`;
}

/** A short stable hash (FNV-1a, 32 bit) of a text; enough to notice "the pool changed since". */
export function textHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, "0");
}

/** Reads a draft; anything unreadable counts as no draft. */
export function readDraft(storage: Pick<Storage, "getItem">, key: string): Draft | undefined {
  try {
    const raw = storage.getItem(key);
    if (!raw) return undefined;
    const parsed = JSON.parse(raw) as Partial<Draft>;
    if (typeof parsed.text !== "string" || typeof parsed.savedAt !== "string") return undefined;
    return { text: parsed.text, savedAt: parsed.savedAt, baseHash: String(parsed.baseHash ?? "") };
  } catch {
    return undefined;
  }
}

/**
 * Writes the draft, or removes it when the text equals the pool's text again. False when the
 * browser refused it (storage full — a multi-megabyte paste — or disabled); the previous draft
 * then stays as it was.
 */
export function writeDraft(
  storage: Pick<Storage, "setItem" | "removeItem">,
  key: string,
  text: string,
  originalText: string,
  now: Date = new Date(),
): boolean {
  try {
    if (text === originalText) storage.removeItem(key);
    else
      storage.setItem(
        key,
        JSON.stringify({ text, savedAt: now.toISOString(), baseHash: textHash(originalText) }),
      );
    return true;
  } catch {
    // storage full or disabled: the editor still works, and the banner says this text is not kept
    return false;
  }
}
