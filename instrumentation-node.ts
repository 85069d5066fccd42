import { parseAuthConfig } from "@/lib/env/auth-schema";
import { ConfigError, parseConfig } from "@/lib/env/schema";

/**
 * Validates the environment at start-up; on failure prints each bad variable and stops the process.
 * Outside development that includes sign-in: a secret and a users file or OpenID Connect.
 */
export async function validateConfigOrExit(): Promise<void> {
  const problems: ConfigError["problems"] = [];
  for (const parse of [parseConfig, parseAuthConfig]) {
    try {
      parse(process.env);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length === 0) {
    const auth = parseAuthConfig(process.env);
    if (auth.mode === "enforced" && auth.usersFile) {
      // a users file that cannot be read or parsed would lock everyone out: say so now
      const { loadUsersFile } = await import("@/lib/auth/users");
      try {
        await loadUsersFile(auth.usersFile);
      } catch (error) {
        problems.push({
          variable: "POOLDECK_USERS_FILE",
          message: error instanceof Error ? error.message : String(error),
        });
      }
    }
  }
  if (problems.length > 0) {
    console.error(`\n${new ConfigError(problems).message}\n`);
    process.exit(1);
  }
}
