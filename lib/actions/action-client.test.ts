import { describe, expect, it } from "vitest";
import { z } from "zod";
import { PrefectError } from "@/lib/prefect/errors";
import { ActionRefusal, authorize, defineAction } from "./action-client";
import { documentInput } from "./inputs";
import { MAX_DOCUMENT_CHARS } from "./types";

const echo = defineAction({
  role: "editor",
  input: z.object({
    name: z.string().min(1, "A name is required."),
    doc: documentInput("template"),
  }),
  handler: async ({ name }, operator) => {
    if (name === "refuse") throw new ActionRefusal({ ok: false, error: "No." });
    if (name === "prefect") {
      throw new PrefectError({ status: 404, kind: "not-found", message: "Could not read x (404)" });
    }
    if (name === "boom") throw new Error("secret at /srv/app.ts:12");
    return `${name} by ${operator.id}`;
  },
});

describe("defineAction", () => {
  it("returns the handler's data with the operator", async () => {
    expect(await echo({ name: "a", doc: "{}" })).toEqual({ ok: true, data: "a by anonymous" });
  });
  it("answers invalid input with field errors", async () => {
    expect(await echo({ name: "", doc: "{}" })).toEqual({
      ok: false,
      error: "The request is not valid: name: A name is required.",
      fieldErrors: { name: ["A name is required."] },
    });
  });
  it("refuses a document over 1 MB with a clear sentence", async () => {
    const result = await echo({ name: "a", doc: "x".repeat(MAX_DOCUMENT_CHARS + 1) });
    expect(result).toEqual({
      ok: false,
      error:
        "The request is not valid: doc: The template is 1.00 MB; Pooldeck accepts at most 1 MB. Nothing was sent.",
      fieldErrors: {
        doc: ["The template is 1.00 MB; Pooldeck accepts at most 1 MB. Nothing was sent."],
      },
    });
  });
  it("maps refusals, Prefect errors and unknown errors to plain failures", async () => {
    expect(await echo({ name: "refuse", doc: {} })).toEqual({ ok: false, error: "No." });
    expect(await echo({ name: "prefect", doc: {} })).toEqual({
      ok: false,
      error: "Could not read x (404)",
    });
    const boom = await echo({ name: "boom", doc: {} });
    expect(boom).toEqual({
      ok: false,
      error:
        "Pooldeck hit an unexpected error; nothing more is known. The server log has the details.",
    });
  });
});

it("authorize: until issue 8, the anonymous operator holds both roles", async () => {
  expect(await authorize("viewer")).toEqual({
    id: "anonymous",
    displayName: "anonymous operator",
    roles: ["viewer", "editor"],
  });
  expect((await authorize("editor"))?.id).toBe("anonymous");
});
