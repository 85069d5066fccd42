#!/usr/bin/env node
// The `pooldeck` command: runs cli/main.ts with the repository's tsx. The react-server condition
// makes `server-only` importable, because `pooldeck snapshot` reuses the server's lib/ecs.
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const repo = dirname(dirname(fileURLToPath(import.meta.url)));
const tsx = import.meta.resolve("tsx");
const child = spawn(
  process.execPath,
  [
    "--conditions=react-server",
    "--import",
    tsx,
    join(repo, "cli", "main.ts"),
    ...process.argv.slice(2),
  ],
  {
    stdio: "inherit",
    env: {
      // the AWS SDK warns about Node 20 on every start: noise on stderr, where CI reads our reason
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
      ...process.env,
      // tsx reads path aliases (@/) from this tsconfig whatever the working directory is
      TSX_TSCONFIG_PATH: join(repo, "tsconfig.json"),
    },
  },
);
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => child.kill(signal));
}
child.on("exit", (code, signal) => {
  if (signal) process.kill(process.pid, signal);
  else process.exit(code ?? 1);
});
