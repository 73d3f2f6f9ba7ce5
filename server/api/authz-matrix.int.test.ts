import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import type { AnyTRPCProcedure } from "@trpc/server";
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openDatabase, type TDatabaseHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { pushErrors, recordMerges, users } from "@/db/schema";
import { createTestDatabase, testDatabaseKind, type TTestDatabase } from "@/db/testing/test-database";
import type { TSessionUser } from "@/server/auth/session";
import { resetEnv } from "@/server/env";
import { insertFailedPush } from "@/server/push-errors/testing/push-error-fixtures";
import { setPushRunner } from "@/server/sync/push/schedule-push";
import { captureLogs, type TCapturedLogs } from "@/server/testing/capture-logs";
import { addUser } from "@/server/users/add-user";
import { appRouter } from "./root";
import {
  CALLERS,
  PROCEDURES,
  ROUTES,
  SERVER_ACTIONS,
  STOPPED_SYNCING_MERGE_ID,
  type TAccess,
  type TActionOutcome,
  type TCaller,
  type TProcedureOutcome,
  type TRouteOutcome,
} from "./authz-matrix";
import { createCallerFactory } from "./trpc";

/*
 * The authorization matrix (server/api/authz-matrix.ts) against the code: every procedure of the
 * app router, every server action ("use server" files) and every route handler (route.ts under
 * app/) must have a row, and each is called as an anonymous visitor, a member and an admin. Route
 * handlers and actions run in-process; Next's request scope is replaced by the session and the
 * headers below.
 */

const ORIGIN = "http://tandem.test";
const SECRETS = {
  CRON_SECRET: "cron-secret-for-the-matrix",
  SALESFORCE_OUTBOUND_TOKEN: "outbound-token-for-the-matrix",
  TANDEM_SETUP_TOKEN: "setup-token-for-the-matrix",
};
const PASSWORD = "correct horse battery";

const scope = vi.hoisted(() => ({
  database: null as { db: unknown; client: unknown; url: string } | null,
  user: null as { id: string; email: string; name: string; role: "admin" | "member" } | null,
  cookies: new Map<string, string>(),
}));

vi.mock("@/db/client", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/db/client")>();
  const current = () => {
    if (!scope.database) throw new Error("The matrix has not opened its database yet.");
    return scope.database as TDatabaseHandle;
  };
  return { ...actual, getDatabase: current, getDb: () => current().db };
});
vi.mock("@/server/auth/session", () => ({ getSessionUser: async () => scope.user }));
// Next's bundler resolves next-auth's own imports; Node's loader cannot, so Auth.js is stood in
// for: its route handlers answer 200 (public), signIn and signOut record their calls.
vi.mock("next-auth", () => ({
  AuthError: class AuthError extends Error {},
  CredentialsSignin: class CredentialsSignin extends Error {
    code = "credentials";
  },
}));
vi.mock("@/server/auth", () => ({
  handlers: {
    GET: vi.fn(async () => Response.json({})),
    POST: vi.fn(async () => Response.json({})),
  },
  auth: vi.fn(async () => null),
  signIn: vi.fn(async () => undefined),
  signOut: vi.fn(async () => undefined),
}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ host: "tandem.test" }),
  cookies: async () => ({
    get: (name: string) => (scope.cookies.has(name) ? { name, value: scope.cookies.get(name) } : undefined),
    set: (name: string, value: string) => scope.cookies.set(name, value),
    delete: (name: string) => scope.cookies.delete(name),
  }),
}));

const ROOT = join(import.meta.dirname, "..", "..");
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
const TABLE = "server/api/authz-matrix.ts";

let database: TTestDatabase;
const people = {} as Record<Exclude<TCaller, "anonymous">, TSessionUser>;
const sessionOf = (caller: TCaller): TSessionUser | null => (caller === "anonymous" ? null : people[caller]);
let logs: TCapturedLogs;

beforeAll(async () => {
  for (const [name, value] of Object.entries(SECRETS)) vi.stubEnv(name, value);
  vi.stubEnv("AUTH_SECRET", "authz-matrix-auth-secret");
  vi.stubEnv("AUTH_URL", ORIGIN);
  resetEnv();
  logs = captureLogs("error");
  vi.spyOn(console, "log").mockImplementation(() => {});

  database = await createTestDatabase();
  scope.database = database;
  for (const role of ["admin", "member"] as const) {
    const added = await addUser(database.db, { name: role, email: `${role}@example.com`, password: PASSWORD, role });
    people[role] = { id: added.id, email: added.email, name: added.name, role };
  }
  await database.db.insert(recordMerges).values({
    id: STOPPED_SYNCING_MERGE_ID,
    entity: "people",
    survivorType: "person",
    survivorId: "survivor-person",
    loserType: "person",
    loserId: "merged-away-person",
    loserName: "Merged Away",
    loserSfObject: "Contact",
    loserSfId: "003000000000002AAA",
    salesforce: "none",
    stoppedSyncing: true,
    undo: {},
    mergedBy: people.admin.id,
    mergedAt: Date.now() - 60_000,
    // Undone already: an admin's call stops at CONFLICT and changes nothing.
    undoneAt: Date.now() - 30_000,
  });
});
afterAll(async () => {
  logs?.restore();
  vi.unstubAllEnvs();
  resetEnv();
  vi.restoreAllMocks();
  await database?.cleanup();
});

// ---------------------------------------------------------------------------------------------
// Entry points, found in the code.

/** Files under `dir` (relative to the project root, `/` separated), skipping dependencies and build output. */
function sourceFiles(dir: string): string[] {
  const entries = readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)).split(sep).join("/"))
    .filter((file) => !/(^|\/)(node_modules|\.next)\//.test(file))
    .sort();
}

const procedureRecord = appRouter._def.procedures as unknown as Record<string, AnyTRPCProcedure>;
const procedurePaths = Object.keys(procedureRecord).sort();

/** A "use server" directive alone on its line: at the top of a file, or inside a function. */
const USE_SERVER = /^\s*(["'])use server\1;?\s*$/m;

/** Server actions: every export of a "use server" file; an inline directive counts as one action. */
function findServerActions(): string[] {
  const actions: string[] = [];
  for (const file of ["app", "components", "server"].flatMap(sourceFiles)) {
    if (/\.test\.tsx?$/.test(file)) continue;
    const source = readFileSync(join(ROOT, file), "utf8");
    if (!USE_SERVER.test(source)) continue;
    const firstStatement = source.replace(/^(\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*/, "");
    if (!/^(["'])use server\1/.test(firstStatement)) {
      actions.push(`${file}#inline`);
      continue;
    }
    const exported = [...source.matchAll(/^export\s+(?:async\s+)?(?:function\s+(\w+)|const\s+(\w+))/gm)];
    for (const match of exported) actions.push(`${file}#${match[1] ?? match[2]}`);
  }
  return actions.sort();
}

type TRouteModule = Record<string, unknown>;
type TRouteHandler = (request: Request, context?: unknown) => Promise<Response>;

/** `app/api/cron/sync/route.ts` → `/api/cron/sync`; route groups `(name)` leave no trace in the URL. */
function urlPathOf(file: string): string {
  const segments = file.split("/").slice(1, -1);
  return `/${segments.filter((segment) => !/^\(.*\)$/.test(segment)).join("/")}`;
}

async function findRoutes(): Promise<Map<string, { file: string; handler: TRouteHandler }>> {
  const routes = new Map<string, { file: string; handler: TRouteHandler }>();
  for (const file of sourceFiles("app").filter((name) => /(^|\/)route\.tsx?$/.test(name))) {
    const routeModule = (await import(join(ROOT, file))) as TRouteModule;
    for (const method of HTTP_METHODS) {
      const handler = routeModule[method];
      if (typeof handler === "function")
        routes.set(`${method} ${urlPathOf(file)}`, { file, handler: handler as TRouteHandler });
    }
  }
  return routes;
}

function missingAndStale(found: readonly string[], listed: readonly string[], what: string, where: string): string[] {
  const known = new Set(listed);
  const present = new Set(found);
  return [
    ...found
      .filter((name) => !known.has(name))
      .map((name) => `${what} ${name} has no row in the authz matrix: add it to ${where} in ${TABLE}.`),
    ...listed
      .filter((name) => !present.has(name))
      .map((name) => `${where} in ${TABLE} lists ${name}, but the code has no such ${what}: remove the row.`),
  ];
}

describe("the authz matrix lists every entry point", () => {
  it("finds the app router's procedures, the server actions and the route handlers in the code", async () => {
    expect(procedurePaths.length).toBeGreaterThan(50);
    expect(procedurePaths).toContain("users.list");
    expect(findServerActions()).toContain("app/setup/actions.ts#createFirstAdminAction");
    expect([...(await findRoutes()).keys()]).toContain("GET /api/cron/sync");
  });

  it("has a row for every tRPC procedure, and no row without one", () => {
    expect(missingAndStale(procedurePaths, Object.keys(PROCEDURES), "tRPC procedure", "PROCEDURES")).toEqual([]);
  });

  it("has a row for every server action, and no row without one", () => {
    expect(
      missingAndStale(findServerActions(), Object.keys(SERVER_ACTIONS), "server action", "SERVER_ACTIONS"),
    ).toEqual([]);
  });

  it("has a row for every route handler, and no row without one", async () => {
    const found = [...(await findRoutes()).keys()];
    expect(missingAndStale(found, Object.keys(ROUTES), "route handler", "ROUTES")).toEqual([]);
    expect(
      Object.keys(ROUTES).filter((route) => !(route in ROUTE_PROBES)),
      "each route in the matrix needs a probe in this test that calls it",
    ).toEqual([]);
  });

  it("gives each procedure an input its validation accepts, so the guard decides and not zod", async () => {
    const problems: string[] = [];
    for (const path of procedurePaths) {
      const row = PROCEDURES[path];
      if (!row) continue;
      const parsers = procedureRecord[path]!._def.inputs as Array<{ "~standard"?: TStandardValidator }>;
      const samples = [row.input, ...(row.variants ?? []).map((variant) => variant.input)];
      if (parsers.length === 0) {
        if (row.input !== undefined) problems.push(`${path} takes no input: remove the row's input.`);
        continue;
      }
      for (const sample of samples) {
        for (const parser of parsers) {
          const validator = parser["~standard"];
          if (!validator) {
            problems.push(`${path}: its input parser is not a zod schema; this test cannot check the sample.`);
            continue;
          }
          const result = await validator.validate(sample);
          if (result.issues)
            problems.push(
              `${path}: its input ${JSON.stringify(sample)} fails validation (${result.issues.map((issue) => issue.message).join("; ")}).`,
            );
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

type TStandardValidator = {
  validate(value: unknown): Promise<{ issues?: Array<{ message: string }> }> | { issues?: Array<{ message: string }> };
};

// ---------------------------------------------------------------------------------------------
// tRPC procedures, called through the app router as each caller.

const createCaller = createCallerFactory(appRouter);

type TProcedureCall = (input?: unknown) => Promise<unknown>;

function procedureAs(caller: TCaller, path: string): TProcedureCall {
  let node: unknown = createCaller({ db: database.db, user: sessionOf(caller) });
  for (const key of path.split(".")) node = (node as Record<string, unknown>)[key];
  return node as TProcedureCall;
}

/** Refused by a guard (UNAUTHORIZED, FORBIDDEN), or past it: an answer or a domain error. */
async function outcomeOf(call: () => Promise<unknown>): Promise<{ outcome: TProcedureOutcome; detail: string }> {
  try {
    await call();
    return { outcome: "allowed", detail: "answered" };
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "UNAUTHORIZED" || error.code === "FORBIDDEN"))
      return { outcome: error.code, detail: error.message };
    return {
      outcome: "allowed",
      detail: error instanceof TRPCError ? `${error.code}: ${error.message}` : String(error),
    };
  }
}

const describeAccess = (access: TAccess) => CALLERS.map((caller) => `${caller} ${access[caller]}`).join(", ");

describe(`tRPC procedures as each caller on ${testDatabaseKind()}`, () => {
  // The tRPC route's context module registers the real push runner when imported: writes here stay unpushed.
  beforeAll(() => setPushRunner(null));

  const cases = procedurePaths.flatMap((path) => {
    const row = PROCEDURES[path];
    if (!row) return [];
    return [
      { name: path, path, input: row.input, access: row.access },
      ...(row.variants ?? []).map((variant) => ({
        name: `${path} (${variant.name})`,
        path,
        input: variant.input,
        access: variant.access,
      })),
    ];
  });

  it.each(cases)("$name", async ({ path, input, access }) => {
    const observed = {} as Record<TCaller, TProcedureOutcome>;
    const details: string[] = [];
    // Anonymous, then the member, then the admin: a call a guard refuses changes nothing.
    for (const caller of CALLERS) {
      const { outcome, detail } = await outcomeOf(() => procedureAs(caller, path)(input));
      observed[caller] = outcome;
      details.push(`${caller}: ${detail}`);
    }
    expect(observed, `expected ${describeAccess(access)}; got ${details.join(" | ")}`).toEqual(access);
  });
});

// ---------------------------------------------------------------------------------------------
// Server actions, called in-process.

const auth = await import("@/server/auth");
const signIn = vi.mocked(auth.signIn);
const signOut = vi.mocked(auth.signOut);

function formOf(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
}

/** A database with no users, for first-run setup: the matrix's own has its admin already. */
async function withEmptyWorkspace<T>(run: (workspace: TDatabaseHandle) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), "tandem-authz-"));
  const handle = openDatabase({ url: `file:${join(dir, "tandem.db")}` });
  await migrateDatabase(handle);
  scope.database = handle;
  try {
    return await run(handle);
  } finally {
    scope.database = database;
    handle.client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const ACTION_PROBES: Record<string, () => Promise<TActionOutcome>> = {
  "app/(auth)/sign-in/actions.ts#signInAction": async () => {
    const { signInAction } = await import("@/app/(auth)/sign-in/actions");
    signIn.mockClear();
    const state = await signInAction({}, formOf({ email: "member@example.com", password: PASSWORD }));
    // Handed to Auth.js's credentials check, whoever asks: that check is the guard.
    expect(state).toEqual({});
    expect(signIn.mock.calls).toEqual([
      ["credentials", { email: "member@example.com", password: PASSWORD, redirectTo: "/" }],
    ]);
    return "allowed";
  },
  "app/setup/actions.ts#createFirstAdminAction": async () => {
    const { createFirstAdminAction } = await import("@/app/setup/actions");
    const ada = { name: "Ada", email: "ada@example.com", password: PASSWORD, confirmPassword: PASSWORD };
    return withEmptyWorkspace(async (workspace) => {
      signIn.mockClear();
      for (const token of ["", "a-guess"]) {
        const state = await createFirstAdminAction({}, formOf({ ...ada, token }));
        if (!/setup link is not valid/.test(state.error ?? "") || (await workspace.db.$count(users)) > 0)
          return "allowed";
      }
      expect(signIn).not.toHaveBeenCalled();
      // With the token: the first admin, signed in at once. Then setup is closed, token or not.
      expect(await createFirstAdminAction({}, formOf({ ...ada, token: SECRETS.TANDEM_SETUP_TOKEN }))).toEqual({});
      expect(await workspace.db.$count(users)).toBe(1);
      expect(signIn).toHaveBeenCalledOnce();
      const again = await createFirstAdminAction(
        {},
        formOf({ ...ada, email: "eve@example.com", token: SECRETS.TANDEM_SETUP_TOKEN }),
      );
      expect(again.error).toMatch(/already has an admin/);
      return "setup token";
    });
  },
  "components/shell/sign-out-action.ts#signOutAction": async () => {
    const { signOutAction } = await import("@/components/shell/sign-out-action");
    signOut.mockClear();
    await signOutAction();
    expect(signOut.mock.calls).toEqual([[{ redirectTo: "/sign-in" }]]);
    return "allowed";
  },
};

describe("server actions as each caller", () => {
  it.each(Object.keys(SERVER_ACTIONS))("%s", async (action) => {
    const probe = ACTION_PROBES[action];
    expect(probe, `add a probe for ${action} to ACTION_PROBES in this test`).toBeDefined();
    const row = SERVER_ACTIONS[action]!;
    for (const caller of CALLERS) {
      scope.user = sessionOf(caller);
      try {
        expect(await probe!(), `${action} as ${caller}`).toBe(row[caller]);
      } finally {
        scope.user = null;
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Route handlers, called in-process with a Request.

type TCredential = "none" | "wrong" | "right";
type TRouteProbe = (handler: TRouteHandler, credential: TCredential) => Promise<Response>;

const bearer = (credential: TCredential): Record<string, string> =>
  credential === "none" ? {} : { authorization: `Bearer ${credential === "right" ? SECRETS.CRON_SECRET : "guess"}` };

/** Auth.js's routes are its own handlers, nothing in front: whatever Auth.js answers, to anyone. */
async function authJs(handler: TRouteHandler, method: "GET" | "POST", path: string): Promise<Response> {
  expect(handler, `${method} /api/auth/* must be Auth.js's own handler`).toBe(auth.handlers[method]);
  return handler(new NextRequest(`${ORIGIN}${path}`, { method }));
}

const ROUTE_PROBES: Record<string, TRouteProbe> = {
  "GET /api/auth/[...nextauth]": (handler) => authJs(handler, "GET", "/api/auth/session"),
  "POST /api/auth/[...nextauth]": (handler) => authJs(handler, "POST", "/api/auth/callback/credentials"),
  "GET /api/cron/sync": (handler, credential) =>
    handler(new Request(`${ORIGIN}/api/cron/sync`, { headers: bearer(credential) })),
  "GET /api/health": (handler) => handler(new Request(`${ORIGIN}/api/health`)),
  "GET /api/salesforce/oauth/callback": (handler) =>
    handler(new Request(`${ORIGIN}/api/salesforce/oauth/callback?state=forged&code=forged`)),
  "POST /api/salesforce/outbound/[token]": (handler, credential) =>
    handler(new Request(`${ORIGIN}/api/salesforce/outbound/x`, { method: "POST", body: "not a SOAP envelope" }), {
      params: Promise.resolve({
        token: credential === "right" ? SECRETS.SALESFORCE_OUTBOUND_TOKEN : credential === "wrong" ? "guess" : "",
      }),
    }),
  "GET /api/trpc/[trpc]": (handler) => handler(new Request(`${ORIGIN}/api/trpc/users.list`)),
  "POST /api/trpc/[trpc]": (handler) =>
    handler(
      new Request(`${ORIGIN}/api/trpc/sync.pause`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      }),
    ),
};

/** 401 and 403 as answered, a redirect to the sign-in page, or anything else: past the guard. */
function routeOutcomeOf(response: Response): TRouteOutcome {
  if (response.status === 401 || response.status === 403) return response.status;
  const location = response.headers.get("location");
  if (location && new URL(location, ORIGIN).pathname === "/sign-in") return "sign-in";
  return "allowed";
}

describe(`route handlers as each caller on ${testDatabaseKind()}`, () => {
  it.each(Object.keys(ROUTES))("%s", async (route) => {
    const found = (await findRoutes()).get(route);
    const probe = ROUTE_PROBES[route];
    expect(found && probe, `${route}: no handler found, or no probe in this test`).toBeTruthy();
    const row = ROUTES[route]!;
    // Without the credential and with a wrong one, each caller gets the row's answer.
    const credentials: TCredential[] = row.withCredential ? ["none", "wrong"] : ["none"];
    const expected: Record<string, TRouteOutcome> = {};
    const observed: Record<string, TRouteOutcome> = {};
    const statuses: string[] = [];
    const call = async (key: string, credential: TCredential) => {
      const response = await probe!(found!.handler, credential);
      const location = response.headers.get("location");
      statuses.push(`${key}: ${response.status}${location ? ` to ${location}` : ""}`);
      expect(response.status, `${route}, ${key}: a server error, not an answer`).toBeLessThan(500);
      observed[key] = routeOutcomeOf(response);
    };
    for (const caller of CALLERS) {
      scope.user = sessionOf(caller);
      try {
        for (const credential of credentials) {
          const key = `${caller}, ${credential} credential`;
          expected[key] = row[caller];
          await call(key, credential);
        }
      } finally {
        scope.user = null;
      }
    }
    if (row.withCredential) {
      expected["the right credential"] = row.withCredential;
      await call("the right credential", "right");
    }
    expect(observed, statuses.join(" | ")).toEqual(expected);
  });
});

// ---------------------------------------------------------------------------------------------
// ERR-1's scope: what the error log shows a member.

describe(`the error log's scope on ${testDatabaseKind()}`, () => {
  it("ERR-1: a member's log, count and actions cover their own records' errors; another's is NOT_FOUND", async () => {
    const { db } = database;
    const mine = await insertFailedPush(db, { name: "Member's record", ownerUserId: people.member.id });
    const theirs = await insertFailedPush(db, { name: "Admin's record", ownerUserId: people.admin.id });
    const member = createCaller({ db, user: people.member });
    const admin = createCaller({ db, user: people.admin });

    const memberLog = await member.push.errors.list({});
    expect(memberLog.rows.map((row) => row.id)).toEqual([mine.errorId]);
    expect(JSON.stringify(memberLog)).not.toContain("Admin's record");
    expect(await member.push.errors.count()).toEqual({ open: 1 });
    const adminLog = await admin.push.errors.list({});
    expect(adminLog.rows.map((row) => row.id).sort()).toEqual([mine.errorId, theirs.errorId].sort());

    for (const act of [
      () => member.push.errors.retry({ ids: [theirs.errorId] }),
      () => member.push.errors.dismiss({ ids: [theirs.errorId] }),
      () => member.push.errors.createAnyway({ id: theirs.errorId }),
    ]) {
      await expect(act()).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    expect(await member.push.errors.dismiss({ all: true })).toEqual({ dismissed: 1, skipped: 0 });
    const untouched = await db.query.pushErrors.findFirst({ where: eq(pushErrors.id, theirs.errorId) });
    expect(untouched?.state).toBe("open");
  });

  it("ERR-1/ERR-2: a record's sync history shows a member only the push errors the error log shows them", async () => {
    const { db } = database;
    const theirs = await insertFailedPush(db, { name: "Another's record", ownerUserId: people.admin.id });
    const input = { type: "person" as const, id: theirs.recordId };
    const asMember = await createCaller({ db, user: people.member }).crm.syncHistory(input);
    expect(asMember.errors).toEqual([]);
    const asAdmin = await createCaller({ db, user: people.admin }).crm.syncHistory(input);
    expect(asAdmin.errors.map((error) => error.id)).toEqual([theirs.errorId]);
  });
});

// An unexpected error in a call past the guard is logged by the procedure; none is expected here.
describe("calls past the guard", () => {
  it("logged no unexpected server error", () => {
    expect(logs.events("error.unexpected").map((line) => line.label)).toEqual([]);
  });
});
