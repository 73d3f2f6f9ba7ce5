// The architecture's boundaries (DESIGN.md §3) as eslint.config.mjs enforces them: each rule is
// shown failing on a snippet that breaks it, and passing on one it allows. The snippets are linted
// under virtual paths, so the path decides which rules apply.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint, type Linter } from "eslint";
import { describe, expect, it } from "vitest";

const root = path.dirname(fileURLToPath(import.meta.url));
const eslint = new ESLint({ cwd: root });

async function lint(filePath: string, code: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  if (!result) throw new Error(`ESLint returned no result for ${filePath}`);
  return result.messages;
}

type TBreaks = { name: string; filePath: string; code: string; ruleId: string; message: string };
type TAllowed = { name: string; filePath: string; code: string };

const CORE_IMPORTS =
  "server/sync/core is pure: it imports only its own files, zod, node:crypto and pure data libraries";
const CORE_CLOCK = "server/sync/core takes `now` as an argument; it never reads the clock.";
const JSFORCE = "Only server/salesforce talks to Salesforce; use its port";
const DATABASE = "Pages and components never touch the database";
const ENV = "Read the environment through server/env.ts (getEnv()).";

function expectOneError(messages: Linter.LintMessage[], ruleId: string, message: string): void {
  expect(messages).toEqual([
    expect.objectContaining({ ruleId, severity: 2, message: expect.stringContaining(message) }),
  ]);
}

function boundary(title: string, breaks: TBreaks[], allowed: TAllowed[]): void {
  describe(title, () => {
    it.each(breaks)("fails: $name ($filePath)", async ({ filePath, code, ruleId, message }) => {
      expectOneError(await lint(filePath, code), ruleId, message);
    });
    it.each(allowed)("allows: $name ($filePath)", async ({ filePath, code }) => {
      expect(await lint(filePath, code)).toEqual([]);
    });
  });
}

boundary(
  "server/sync/core imports only its own files, zod and node:crypto",
  [
    {
      name: "the database",
      filePath: "server/sync/core/plan.ts",
      code: `import { syncCursors } from "@/db/schema";\nexport const table = syncCursors;\n`,
      ruleId: "no-restricted-imports",
      message: CORE_IMPORTS,
    },
    {
      name: "a type from a package",
      filePath: "server/sync/core/plan.ts",
      code: `import type { SQL } from "drizzle-orm";\nexport type TWhere = SQL;\n`,
      ruleId: "no-restricted-imports",
      message: CORE_IMPORTS,
    },
    {
      name: "a re-export from outside core",
      filePath: "server/sync/core/plan.ts",
      code: `export { acquireLease } from "../lease";\n`,
      ruleId: "no-restricted-imports",
      message: CORE_IMPORTS,
    },
    {
      name: "a file in a core folder reaching out of core",
      filePath: "server/sync/core/match/plan.ts",
      code: `import { acquireLease } from "../../lease";\nexport const lease = acquireLease;\n`,
      ruleId: "no-restricted-imports",
      message: CORE_IMPORTS,
    },
    {
      name: "a Node module other than node:crypto",
      filePath: "server/sync/core/plan.ts",
      code: `import { readFileSync } from "node:fs";\nexport const read = readFileSync;\n`,
      ruleId: "no-restricted-imports",
      message: CORE_IMPORTS,
    },
    {
      name: "jsforce",
      filePath: "server/sync/core/plan.ts",
      code: `import { Connection } from "jsforce";\nexport const connection = Connection;\n`,
      ruleId: "no-restricted-imports",
      message: CORE_IMPORTS,
    },
    {
      name: "a dynamic import",
      filePath: "server/sync/core/plan.ts",
      code: `export const load = () => import("./cursor");\n`,
      ruleId: "no-restricted-syntax",
      message: CORE_IMPORTS,
    },
  ],
  [
    {
      name: "its own files, zod, node:crypto and the pure data libraries",
      filePath: "server/sync/core/plan.ts",
      code:
        `import { createHash } from "node:crypto";\nimport { z } from "zod";\nimport { nextCursor } from "./cursor";\n` +
        `import { parsePhoneNumberFromString } from "libphonenumber-js/min";\nimport { getDomain } from "tldts";\n` +
        `import providers from "email-providers/all.json";\nimport { doubleMetaphone } from "double-metaphone";\n` +
        `import { jaroWinkler } from "@skyra/jaro-winkler";\n` +
        `export const parts = [createHash, z, nextCursor, parsePhoneNumberFromString, getDomain, providers, doubleMetaphone, jaroWinkler];\n`,
    },
    {
      name: "a file in a core folder importing core's top level",
      filePath: "server/sync/core/match/plan.ts",
      code: `import { normalizePhone } from "../normalize";\nexport const phone = normalizePhone;\n`,
    },
    {
      name: "the database in a core test",
      filePath: "server/sync/core/plan.test.ts",
      code: `import { syncCursors } from "@/db/schema";\nexport const table = syncCursors;\n`,
    },
  ],
);

boundary(
  "server/sync/core never reads the clock",
  [
    {
      name: "Date.now()",
      filePath: "server/sync/core/plan.ts",
      code: `export const at = Date.now();\n`,
      ruleId: "no-restricted-syntax",
      message: CORE_CLOCK,
    },
    {
      name: "Date.now passed as a function",
      filePath: "server/sync/core/plan.ts",
      code: `export const clock = { now: Date.now };\n`,
      ruleId: "no-restricted-syntax",
      message: CORE_CLOCK,
    },
    {
      name: "globalThis.Date.now()",
      filePath: "server/sync/core/plan.ts",
      code: `export const at = globalThis.Date.now();\n`,
      ruleId: "no-restricted-syntax",
      message: CORE_CLOCK,
    },
    {
      name: "new Date()",
      filePath: "server/sync/core/plan.ts",
      code: `export const at = new Date();\n`,
      ruleId: "no-restricted-syntax",
      message: CORE_CLOCK,
    },
  ],
  [
    {
      name: "now as an argument, and dates built from values",
      filePath: "server/sync/core/plan.ts",
      code: `export function overlap(now: number): Date {\n  return new Date(now - 60_000);\n}\n`,
    },
    {
      name: "the clock in a core test",
      filePath: "server/sync/core/plan.test.ts",
      code: `export const at = [Date.now(), new Date()];\n`,
    },
  ],
);

boundary(
  "only server/salesforce imports jsforce",
  [
    {
      name: "jsforce in the sync engine",
      filePath: "server/sync/pull/pull-objects.ts",
      code: `import { Connection } from "jsforce";\nexport const connection = Connection;\n`,
      ruleId: "no-restricted-imports",
      message: JSFORCE,
    },
    {
      name: "a jsforce type",
      filePath: "server/sync/run-tick.ts",
      code: `import type { Connection } from "jsforce";\nexport type TConnection = Connection;\n`,
      ruleId: "no-restricted-imports",
      message: JSFORCE,
    },
    {
      name: "a jsforce subpath",
      filePath: "server/sync/run-tick.ts",
      code: `import { Connection } from "jsforce/lib/connection";\nexport const connection = Connection;\n`,
      ruleId: "no-restricted-imports",
      message: JSFORCE,
    },
    {
      name: "a dynamic import of jsforce",
      filePath: "server/cli/main.ts",
      code: `export const load = () => import("jsforce");\n`,
      ruleId: "no-restricted-syntax",
      message: JSFORCE,
    },
    {
      name: "jsforce in a component",
      filePath: "components/sync/sync-dashboard.tsx",
      code: `import { Connection } from "jsforce";\nexport const connection = Connection;\n`,
      ruleId: "no-restricted-imports",
      message: JSFORCE,
    },
    {
      name: "jsforce in the emulator itself",
      filePath: "server/emulator/server.ts",
      code: `import { Connection } from "jsforce";\nexport const connection = Connection;\n`,
      ruleId: "no-restricted-imports",
      message: JSFORCE,
    },
  ],
  [
    {
      name: "jsforce in server/salesforce",
      filePath: "server/salesforce/x.ts",
      code:
        `import { Connection } from "jsforce";\nimport type { QueryResult } from "jsforce";\n` +
        `export const parts = [Connection, () => import("jsforce")];\nexport type TResult = QueryResult<unknown>;\n`,
    },
    {
      name: "jsforce in an emulator contract test",
      filePath: "server/emulator/rest/query.test.ts",
      code: `import { Connection } from "jsforce";\nexport const connection = Connection;\n`,
    },
    {
      name: "jsforce in the emulator's test helpers",
      filePath: "server/emulator/test-helpers.ts",
      code: `import { Connection } from "jsforce";\nexport const connection = Connection;\n`,
    },
    {
      name: "jsforce in the emulator's benchmark",
      filePath: "server/emulator/bench.ts",
      code: `import { Connection } from "jsforce";\nexport const connection = Connection;\n`,
    },
  ],
);

boundary(
  "components and pages never import the database",
  [
    {
      name: "@/db in a component",
      filePath: "components/people/people-table.tsx",
      code: `import { db } from "@/db";\nexport const handle = db;\n`,
      ruleId: "no-restricted-imports",
      message: DATABASE,
    },
    {
      name: "@/db/* in a page",
      filePath: "app/(app)/people/page.tsx",
      code: `import { people } from "@/db/schema/crm";\nexport const table = people;\n`,
      ruleId: "no-restricted-imports",
      message: DATABASE,
    },
    {
      name: "a database type in a route handler",
      filePath: "app/api/health/route.ts",
      code: `import type { TDatabase } from "@/db/client";\nexport type THandle = TDatabase;\n`,
      ruleId: "no-restricted-imports",
      message: DATABASE,
    },
    {
      name: "db/ reached by a relative path",
      filePath: "components/sync/sync-dashboard.tsx",
      code: `import { db } from "../../db/client";\nexport const handle = db;\n`,
      ruleId: "no-restricted-imports",
      message: DATABASE,
    },
    {
      name: "a dynamic import of @/db",
      filePath: "app/(app)/sync/page.tsx",
      code: `export const load = () => import("@/db/client");\n`,
      ruleId: "no-restricted-syntax",
      message: DATABASE,
    },
  ],
  [
    {
      name: "server read functions and other components",
      filePath: "app/(app)/people/page.tsx",
      code:
        `import { Button } from "@/components/ui/button";\nimport { trpc } from "@/server/api/rsc";\n` +
        `export const parts = [Button, trpc];\n`,
    },
    {
      name: "the database in server code",
      filePath: "server/records/list-people.ts",
      code: `import { db } from "@/db/client";\nexport const handle = db;\n`,
    },
  ],
);

boundary(
  "only server/env.ts, config files and tests read process.env",
  [
    {
      name: "process.env in server code",
      filePath: "server/sync/run-tick.ts",
      code: `export const budget = process.env.SYNC_TIME_BUDGET_MS;\n`,
      ruleId: "no-restricted-properties",
      message: ENV,
    },
    {
      name: "process.env destructured in a component",
      filePath: "components/shell/app-shell.tsx",
      code: `const { env } = process;\nexport const url = env.AUTH_URL;\n`,
      ruleId: "no-restricted-properties",
      message: ENV,
    },
    {
      name: "process.env in the emulator's CLI",
      filePath: "server/emulator/cli.ts",
      code: `export const clientId = process.env.SALESFORCE_CLIENT_ID;\n`,
      ruleId: "no-restricted-properties",
      message: ENV,
    },
    {
      name: "a file named env.ts elsewhere",
      filePath: "server/settings/env.ts",
      code: `export const secret = process.env.AUTH_SECRET;\n`,
      ruleId: "no-restricted-properties",
      message: ENV,
    },
    {
      name: "env imported from node:process",
      filePath: "server/salesforce/app-credentials.ts",
      code: `import { env } from "node:process";\nexport const clientId = env.SALESFORCE_CLIENT_ID;\n`,
      ruleId: "@typescript-eslint/no-restricted-imports",
      message: ENV,
    },
  ],
  [
    { name: "server/env.ts", filePath: "server/env.ts", code: `export const source = process.env;\n` },
    { name: "a config file", filePath: "next.config.ts", code: `export const ci = process.env.CI;\n` },
    {
      name: "instrumentation.ts",
      filePath: "instrumentation.ts",
      code: `export const runtime = process.env.NEXT_RUNTIME;\n`,
    },
    { name: "a test", filePath: "server/sync/run-tick.test.ts", code: `export const ci = process.env.CI;\n` },
    { name: "an end-to-end spec", filePath: "e2e/support/serve.ts", code: `export const ci = process.env.CI;\n` },
    {
      name: "a testing helper",
      filePath: "db/testing/database.ts",
      code: `export const kind = process.env.TANDEM_TEST_DATABASE;\n`,
    },
  ],
);
