import { describe, expect, it } from "vitest";

import { hashPassword, parseUsersFile, rolesOf, UsersFileError, verifyCredentials } from "./users";

// cost 4 keeps the tests fast; the format and the comparison are the same as at cost 12
const hash = (password: string) => hashPassword(password, 4);

function parseError(text: string): string {
  try {
    parseUsersFile(text, "users.json");
  } catch (error) {
    if (error instanceof UsersFileError) return error.message;
    throw error;
  }
  throw new Error("expected a UsersFileError");
}

describe("parseUsersFile", () => {
  it("accepts viewers and editors with bcrypt hashes and optional names", async () => {
    const h = await hash("pw");
    expect(
      parseUsersFile(
        JSON.stringify([
          { username: "ada", passwordHash: h, role: "editor", name: "Ada Lovelace" },
          { username: "vic", passwordHash: h, role: "viewer" },
        ]),
      ),
    ).toEqual([
      { username: "ada", passwordHash: h, role: "editor", name: "Ada Lovelace" },
      { username: "vic", passwordHash: h, role: "viewer" },
    ]);
  });
  it("names the place and the problem of a bad entry", async () => {
    const h = await hash("pw");
    expect(parseError("[{")).toMatch(/^users\.json is not valid JSON \(/);
    expect(parseError(JSON.stringify({ username: "a" }))).toBe(
      'users.json: Invalid input: expected array, received object (expected a JSON array of { "username", "passwordHash", "role": "viewer" | "editor", "name"? })',
    );
    expect(
      parseError(JSON.stringify([{ username: "ada", passwordHash: "secret", role: "editor" }])),
    ).toBe(
      'users.json at [0].[passwordHash]: passwordHash must be a bcrypt hash (create one with `pooldeck user add`) (expected a JSON array of { "username", "passwordHash", "role": "viewer" | "editor", "name"? })',
    );
    expect(parseError(JSON.stringify([{ username: "ada", passwordHash: h, role: "admin" }]))).toBe(
      'users.json at [0].[role]: role must be "viewer" or "editor" (expected a JSON array of { "username", "passwordHash", "role": "viewer" | "editor", "name"? })',
    );
    expect(
      parseError(
        JSON.stringify([
          { username: "ada", passwordHash: h, role: "editor" },
          { username: "ADA", passwordHash: h, role: "viewer" },
        ]),
      ),
    ).toBe(
      'users.json at [1].[username]: username ADA appears twice (expected a JSON array of { "username", "passwordHash", "role": "viewer" | "editor", "name"? })',
    );
  });
});

describe("verifyCredentials", () => {
  it("returns the user for the right password only", async () => {
    const users = parseUsersFile(
      JSON.stringify([
        { username: "ada", passwordHash: await hash("correct horse"), role: "editor" },
      ]),
    );
    expect(await verifyCredentials(users, "ada", "correct horse")).toEqual(users[0]);
    expect(await verifyCredentials(users, " ADA ", "correct horse")).toEqual(users[0]);
    expect(await verifyCredentials(users, "ada", "correct horse ")).toBeNull();
    expect(await verifyCredentials(users, "ada", "")).toBeNull();
    expect(await verifyCredentials(users, "bob", "correct horse")).toBeNull();
  });
});

it("rolesOf: an editor can also view", () => {
  expect(rolesOf("editor")).toEqual(["viewer", "editor"]);
  expect(rolesOf("viewer")).toEqual(["viewer"]);
});
