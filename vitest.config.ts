import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const alias = {
  "@": fileURLToPath(new URL(".", import.meta.url)),
  // `server-only` throws outside a React Server bundle; tests import server modules directly.
  "server-only": fileURLToPath(new URL("./testing/server-only-noop.ts", import.meta.url)),
};
const dirs = "{lib,cli,components,app,server,scripts,testing}";

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          // pure code and code whose collaborators run in-process: no servers needed
          include: [`${dirs}/**/*.test.{ts,tsx}`],
          exclude: [`${dirs}/**/*.int.test.{ts,tsx}`, "node_modules/**"],
          environment: "node",
          testTimeout: 20_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          // against the real local stack (scripts/stack.sh) or the real Prefect Python code in .venv
          include: [`${dirs}/**/*.int.test.{ts,tsx}`],
          environment: "node",
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
