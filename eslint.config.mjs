// ESLint: Next.js and typescript-eslint recommendations, plus the architecture's boundaries
// (DESIGN.md §3). eslint.config.test.ts proves each boundary rule can fail.
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const TESTS = ["**/*.test.ts", "**/*.test.tsx", "e2e/**", "**/testing/**"];
const CONFIG_FILES = ["*.config.ts", "*.config.mts", "*.config.mjs", "instrumentation.ts"];

const JSFORCE = {
  paths: [{ name: "jsforce", message: "Only server/salesforce talks to Salesforce; use its port (server/salesforce/port.ts)." }],
  patterns: [{ group: ["jsforce/*"], message: "Only server/salesforce talks to Salesforce; use its port." }],
};

const DATABASE_IN_UI = {
  group: ["@/db", "@/db/*"],
  message: "Pages and components never touch the database: call a tRPC procedure or a server/ read function.",
};

export default [
  ...nextVitals,
  ...nextTypescript,
  { ignores: [".cache/**", "data/**", "db/migrations/**", "test-results/**", "playwright-report/**"] },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Only server/env.ts reads the environment; everything else receives the parsed TEnv.
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read the environment through server/env.ts (getEnv())." },
      ],
      "no-restricted-imports": ["error", JSFORCE],
    },
  },
  {
    files: ["components/**", "app/**"],
    rules: { "no-restricted-imports": ["error", { ...JSFORCE, patterns: [...JSFORCE.patterns, DATABASE_IN_UI] }] },
  },
  {
    // The pure core: no database, network, env, Next or clock. Only itself, zod and hashing.
    files: ["server/sync/core/**"],
    ignores: TESTS,
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(?!zod$|node:crypto$|\\./)",
              message: "server/sync/core is pure: it imports only its own files, zod and node:crypto.",
            },
          ],
        },
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: "server/sync/core takes `now` as an argument; it never reads the clock.",
        },
      ],
    },
  },
  {
    files: ["server/salesforce/**", "server/emulator/**/*.test.ts", "server/emulator/test-helpers.ts"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    files: ["server/env.ts", ...CONFIG_FILES, ...TESTS],
    rules: { "no-restricted-properties": "off" },
  },
];
