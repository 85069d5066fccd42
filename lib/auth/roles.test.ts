import { describe, expect, it } from "vitest";

import { roleFromClaims } from "./roles";

const mapping = { roleClaim: "groups", editorValues: ["pooldeck-editors", "platform"] };

describe("roleFromClaims", () => {
  it("makes an editor of a user in an editor group (array, string, separated string)", () => {
    expect(roleFromClaims({ groups: ["staff", "pooldeck-editors"] }, mapping)).toBe("editor");
    expect(roleFromClaims({ groups: "platform" }, mapping)).toBe("editor");
    expect(roleFromClaims({ groups: "staff, platform" }, mapping)).toBe("editor");
  });
  it("makes everyone else a viewer, including a missing or odd claim", () => {
    expect(roleFromClaims({ groups: ["staff"] }, mapping)).toBe("viewer");
    expect(roleFromClaims({}, mapping)).toBe("viewer");
    expect(roleFromClaims({ groups: [1, null, { a: "platform" }] }, mapping)).toBe("viewer");
    expect(roleFromClaims({ groups: "pooldeck-editors-old" }, mapping)).toBe("viewer");
    expect(roleFromClaims({ groups: ["platform"] }, { ...mapping, editorValues: [] })).toBe(
      "viewer",
    );
  });
  it("reads nested claims by dot path, and a top-level key with dots first", () => {
    const keycloak = { roleClaim: "realm_access.roles", editorValues: ["editor"] };
    expect(roleFromClaims({ realm_access: { roles: ["editor"] } }, keycloak)).toBe("editor");
    expect(roleFromClaims({ realm_access: { roles: ["viewer"] } }, keycloak)).toBe("viewer");
    expect(roleFromClaims({ "realm_access.roles": ["editor"] }, keycloak)).toBe("editor");
    expect(roleFromClaims({ realm_access: ["editor"] }, keycloak)).toBe("viewer");
  });
});
