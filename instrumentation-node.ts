import { ConfigError, parseConfig } from "@/lib/env/schema";

/** Validates the environment at start-up; on failure prints each bad variable and stops the process. */
export function validateConfigOrExit(): void {
  try {
    parseConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`\n${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
