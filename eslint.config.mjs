import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import pluginQuery from "@tanstack/eslint-plugin-query";
import tseslint from "typescript-eslint";

const config = [
  {
    ignores: [
      ".next*/**",
      ".venv/**",
      ".data*/**",
      "dist/**",
      "node_modules/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
      "lib/prefect/openapi.d.ts",
    ],
  },
  ...nextVitals,
  ...nextTs,
  ...pluginQuery.configs["flat/recommended"],
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": [
        "error",
        { checksVoidReturn: { attributes: false } },
      ],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    // The layers: imports point down, never back up. Tests, e2e and the test-support code may
    // reach across (a rule test runs checks on a template edit); application code may not.
    files: ["**/*.ts", "**/*.tsx"],
    ignores: [
      "**/*.test.ts",
      "**/*.test.tsx",
      "e2e/**",
      "testing/**",
      "scripts/bench/**",
      "scripts/ground-truth/**",
      "scripts/scan-secrets.ts", // the secret scan after the browser tests knows the test users
      "playwright.config.ts",
      "vitest.config.ts",
    ],
    rules: {
      "import/no-restricted-paths": [
        "error",
        {
          zones: [
            {
              target: "./lib/snapshot",
              from: "./lib",
              except: ["./snapshot"],
              message: "lib/snapshot is the bottom layer: it imports no other lib folder.",
            },
            {
              target: "./lib/template",
              from: "./lib",
              except: ["./template", "./snapshot"],
              message:
                "lib/template is pure and shared by browser, server and CLI: it imports only itself and lib/snapshot types.",
            },
            {
              target: "./lib/checks",
              from: "./lib",
              except: ["./checks", "./template", "./snapshot"],
              message: "lib/checks imports only lib/template and lib/snapshot.",
            },
            {
              target: ["./lib/push", "./lib/audit"],
              from: "./lib/actions",
              message:
                "Server actions depend on lib/push and lib/audit, never the other way: shared types live in lib/outcome or lib/auth.",
            },
            {
              target: "./lib",
              from: ["./components", "./app"],
              message: "lib/ never imports components/ or app/: move the shared code into lib/.",
            },
            {
              target: "./components",
              from: "./app",
              message: "components/ never imports app/: move the shared code into lib/.",
            },
            {
              target: "./server",
              from: ["./app", "./components", "./lib", "./cli"],
              message:
                "server/ is the production entry around Next's standalone server, bundled on its own: the app's code reaches it through Next's build, never through an import.",
            },
            {
              target: ".",
              from: "./testing",
              message:
                "testing/ is for tests, e2e, benchmarks and ground truth only; application code never imports it.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["app/**/*.tsx", "components/**/*.tsx"],
    ignores: ["components/ui/intent-link.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "next/link",
              message:
                "Use IntentLink (components/ui/intent-link.tsx): pages are prefetched on intent, not on sight.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["**/*.mjs", "**/*.js"],
    ...tseslint.configs.disableTypeChecked,
  },
];

export default config;
