import { describe, expect, it } from "vitest";

import { validateWorkPoolName } from "./names";

describe("validateWorkPoolName", () => {
  it.each(["ecs-prod", "My Pool", "pool_1", "émigré", "a", "pre-fect", "my-prefect-pool", "'x'"])(
    "accepts %j",
    (name) => {
      expect(validateWorkPoolName(name)).toBeNull();
    },
  );

  it.each(["", " ", "   ", "''", '" "', `' "'`])("refuses the empty-ish name %j", (name) => {
    expect(validateWorkPoolName(name)?.code).toBe("empty");
  });

  it('does not treat a tab as empty, as Prefect\'s strip("\' \\"") does not', () => {
    expect(validateWorkPoolName("\t")).toBeNull();
  });

  it("names every banned character found", () => {
    expect(validateWorkPoolName("a/b%c<d")).toEqual({
      code: "banned-character",
      characters: ["/", "%", "<"],
      message: 'The name cannot contain "/", "%", "<" (Prefect refuses / % & > < in names).',
    });
    expect(validateWorkPoolName("x&y")?.code).toBe("banned-character");
    expect(validateWorkPoolName("x>y")?.code).toBe("banned-character");
  });

  it.each(["prefect", "prefect-x", "Prefect Managed", "PREFECTpool"])(
    "refuses the reserved name %j",
    (name) => {
      expect(validateWorkPoolName(name)?.code).toBe("reserved");
    },
  );

  it("reports banned characters before the reserved prefix", () => {
    expect(validateWorkPoolName("prefect/x")?.code).toBe("banned-character");
  });
});
