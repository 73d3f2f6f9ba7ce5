// ESLint: Next.js and typescript-eslint recommendations, plus the architecture's boundaries
// (DESIGN.md §3). eslint.config.test.ts proves each boundary rule can fail.
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const TESTS = ["**/*.test.ts", "**/*.test.tsx", "e2e/**", "**/testing/**"];
const CONFIG_FILES = ["*.config.*", "instrumentation.ts"];

/**
 * A selector for `import("…")` and the type `import("…").T` of a module matching `regex` (an
 * esquery regex: write `/` as `\x2F`). no-restricted-imports sees only import and export
 * declarations, so each boundary repeats itself for these through no-restricted-syntax.
 */
const importExpressionOf = (regex) =>
  `:matches(ImportExpression[source.value=${regex}], TSImportType[argument.literal.value=${regex}])`;

const ENV_MESSAGE = "Read the environment through server/env.ts (getEnv()).";
// `import { env } from "node:process"` reads it too. A rule of its own, so the blocks below that
// replace or turn off no-restricted-imports keep it.
const ENV_IMPORTS = {
  paths: ["node:process", "process"].map((name) => ({ name, importNames: ["env"], message: ENV_MESSAGE })),
};

const JSFORCE = {
  paths: [
    {
      name: "jsforce",
      message: "Only server/salesforce talks to Salesforce; use its port (server/salesforce/port.ts).",
    },
  ],
  patterns: [{ group: ["jsforce/*"], message: "Only server/salesforce talks to Salesforce; use its port." }],
};
const JSFORCE_DYNAMIC = {
  selector: importExpressionOf("/^jsforce(\\x2F|$)/"),
  message: "Only server/salesforce talks to Salesforce; use its port (server/salesforce/port.ts).",
};

const DATABASE_IN_UI_MESSAGE =
  "Pages and components never touch the database: call a tRPC procedure or a server/ read function.";
// `@/db`, `@/db/…`, and the same reached relatively (`../../db/…`).
const DATABASE_IN_UI = { regex: "^(@/|(\\.\\./)+)db(/|$)", caseSensitive: true, message: DATABASE_IN_UI_MESSAGE };
const DATABASE_IN_UI_DYNAMIC = {
  selector: importExpressionOf("/^(@\\x2F|(\\.\\.\\x2F)+)db(\\x2F|$)/"),
  message: DATABASE_IN_UI_MESSAGE,
};

const CORE_IMPORTS_MESSAGE =
  "server/sync/core is pure: it imports only its own files, zod, node:crypto and pure data libraries (libphonenumber-js, tldts, email-providers, double-metaphone, @skyra/jaro-winkler).";
/** Imports core may make, besides its own files (`local`: how a relative path may start). */
const CORE_IMPORTS_ALLOWED = (local) =>
  `^(?!zod$|node:crypto$|libphonenumber-js(/|$)|tldts$|email-providers/all\\.json$|double-metaphone$|@skyra/jaro-winkler$|${local})`;
const CORE_CLOCK_MESSAGE = "server/sync/core takes `now` as an argument; it never reads the clock.";

const config = [
  ...nextVitals,
  ...nextTypescript,
  { ignores: [".cache/**", "data/**", "db/migrations/**", "test-results/**", "playwright-report/**"] },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Only server/env.ts reads the environment; everything else receives the parsed TEnv.
      "no-restricted-properties": ["error", { object: "process", property: "env", message: ENV_MESSAGE }],
      "@typescript-eslint/no-restricted-imports": ["error", ENV_IMPORTS],
      "no-restricted-imports": ["error", JSFORCE],
      "no-restricted-syntax": ["error", JSFORCE_DYNAMIC],
    },
  },
  {
    files: ["components/**", "app/**"],
    rules: {
      "no-restricted-imports": ["error", { ...JSFORCE, patterns: [...JSFORCE.patterns, DATABASE_IN_UI] }],
      "no-restricted-syntax": ["error", JSFORCE_DYNAMIC, DATABASE_IN_UI_DYNAMIC],
    },
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
              regex: CORE_IMPORTS_ALLOWED("\\./"),
              caseSensitive: true,
              message: CORE_IMPORTS_MESSAGE,
            },
          ],
        },
      ],
      "no-restricted-syntax": [
        "error",
        { selector: "ImportExpression, TSImportType", message: CORE_IMPORTS_MESSAGE },
        {
          // Date.now(), Date["now"](), globalThis.Date.now(), and Date.now passed around as a function.
          selector:
            "MemberExpression:matches([object.name='Date'], [object.property.name='Date']):matches([property.name='now'], [property.value='now'])",
          message: CORE_CLOCK_MESSAGE,
        },
        {
          selector: "VariableDeclarator[init.name='Date'] > ObjectPattern > Property[key.name='now']",
          message: CORE_CLOCK_MESSAGE,
        },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: CORE_CLOCK_MESSAGE },
        { selector: "CallExpression[callee.name='Date']", message: CORE_CLOCK_MESSAGE },
        { selector: "MemberExpression[object.name='performance'][property.name='now']", message: CORE_CLOCK_MESSAGE },
      ],
    },
  },
  {
    // Core's folders (core/match) may also import core's own top-level files, one level up.
    files: ["server/sync/core/*/**"],
    ignores: TESTS,
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { regex: CORE_IMPORTS_ALLOWED("\\./|\\.\\./(?!\\.)"), caseSensitive: true, message: CORE_IMPORTS_MESSAGE },
          ],
        },
      ],
    },
  },
  {
    files: [
      "server/salesforce/**",
      // The emulator's contract tests and their helpers drive it with jsforce, used unchanged.
      "server/emulator/**/*.test.ts",
      "server/emulator/test-helpers.ts",
      // The emulator's own benchmark measures it through bare jsforce.
      "server/emulator/bench.ts",
    ],
    rules: { "no-restricted-imports": "off", "no-restricted-syntax": "off" },
  },
  {
    files: ["server/env.ts", ...CONFIG_FILES, ...TESTS],
    rules: { "no-restricted-properties": "off", "@typescript-eslint/no-restricted-imports": "off" },
  },
];

export default config;
