/**
 * Work pool name rules exactly as Prefect 3 applies them on `POST /work_pools/`, so a form can
 * say what the server would say before anything is sent. Pure: the browser imports it too.
 *
 * Sources (prefect 3.9.1): `prefect/types/names.py` (`NonEmptyishName`: no `/ % & > <`, not empty
 * after stripping spaces and quotes) and `prefect/server/api/workers.py` (`create_work_pool`:
 * `name.lower().startswith("prefect")` is refused with 403).
 */

/** Characters Prefect refuses in names (`BANNED_CHARACTERS` in prefect/types/names.py). */
export const BANNED_NAME_CHARACTERS = ["/", "%", "&", ">", "<"] as const;

/** The prefix Prefect reserves for its own pools, compared case-insensitively. */
export const RESERVED_WORK_POOL_PREFIX = "prefect";

export type WorkPoolNameProblem =
  | { code: "empty"; message: string }
  | { code: "banned-character"; message: string; characters: string[] }
  | { code: "reserved"; message: string };

// Python's str.strip("' \"") removes only spaces and both quote kinds, nothing else.
const STRIPPED = /^[' "]*$/;

/** Checks a new work pool name the way Prefect's API does; null when Prefect would accept it. */
export function validateWorkPoolName(name: string): WorkPoolNameProblem | null {
  if (STRIPPED.test(name)) {
    return {
      code: "empty",
      message: "The name cannot be empty (spaces and quotes alone do not count).",
    };
  }
  const banned = BANNED_NAME_CHARACTERS.filter((c) => name.includes(c));
  if (banned.length > 0) {
    return {
      code: "banned-character",
      characters: [...banned],
      message: `The name cannot contain ${banned.map((c) => `"${c}"`).join(", ")} (Prefect refuses / % & > < in names).`,
    };
  }
  if (name.toLowerCase().startsWith(RESERVED_WORK_POOL_PREFIX)) {
    return {
      code: "reserved",
      message: `Names starting with "prefect" (any case) are reserved by Prefect for its own work pools.`,
    };
  }
  return null;
}
