import { describe, expect, it } from "vitest";
import { draftKey, readDraft, textHash, writeDraft } from "./drafts";

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  };
}

describe("drafts", () => {
  it("keys drafts by server and pool", () => {
    expect(draftKey("http://127.0.0.1:4200/api", "ecs")).toBe(
      "pooldeck:draft:v1:http://127.0.0.1:4200/api:ecs",
    );
  });
  it("round-trips a draft with the hash of the text it started from", () => {
    const s = memoryStorage();
    writeDraft(s, "k", '{"a": 2}', '{"a": 1}', new Date("2026-01-02T03:04:05Z"));
    expect(readDraft(s, "k")).toEqual({
      text: '{"a": 2}',
      savedAt: "2026-01-02T03:04:05.000Z",
      baseHash: textHash('{"a": 1}'),
    });
  });
  it("removes the draft when the text is back to the original", () => {
    const s = memoryStorage();
    writeDraft(s, "k", "x", "y");
    writeDraft(s, "k", "y", "y");
    expect(s.map.size).toBe(0);
  });
  it("says false and keeps the earlier draft when the browser refuses to store the text", () => {
    const s = memoryStorage();
    expect(writeDraft(s, "k", "small edit", "orig")).toBe(true);
    const full = {
      ...s,
      setItem: () => {
        throw new DOMException("quota", "QuotaExceededError");
      },
    };
    expect(writeDraft(full, "k", "x".repeat(100), "orig")).toBe(false);
    expect(readDraft(s, "k")?.text).toBe("small edit");
  });
  it("treats garbage as no draft", () => {
    const s = memoryStorage();
    s.setItem("k", "{not json");
    expect(readDraft(s, "k")).toBeUndefined();
    s.setItem("k", JSON.stringify({ text: 1 }));
    expect(readDraft(s, "k")).toBeUndefined();
  });
  it("hashes deterministically", () => {
    expect(textHash("")).toBe("811c9dc5");
    expect(textHash("a")).toBe("e40c292c");
  });
});
