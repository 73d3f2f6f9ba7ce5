/**
 * `node --import tsx server/bench/load/app-server.ts PORT [SQL_PROFILE_FILE]`: Tandem's tRPC API and sign-in on
 * node:http, without `next build`, for the load bench. The same handlers the app routes use:
 * /api/trpc/* is tRPC's fetch adapter over the app router (as app/api/trpc/[trpc]/route.ts), and
 * /api/auth/* is Auth.js with Tandem's config (as app/api/auth/[...nextauth]/route.ts). Each tRPC
 * request's user comes from its session cookie through Auth.js's own session endpoint: the token
 * decrypted, the user re-read from the database, exactly the checks `auth()` makes in the app.
 * Reads DATABASE_URL, AUTH_SECRET and AUTH_URL from the environment.
 */
import { writeFileSync } from "node:fs";
import { createServer, type IncomingMessage } from "node:http";
import { allowServerOnly } from "@/server/cli/server-only";

allowServerOnly();
const [{ fetchRequestHandler }, { appRouter }, { handlers }, { getDb }, { NextRequest }, { getEnv }] =
  await Promise.all([
    import("@trpc/server/adapters/fetch"),
    import("@/server/api/root"),
    import("@/server/auth"),
    import("@/db/client"),
    import("next/server"),
    import("@/server/env"),
  ]);
type TSessionUser = import("@/server/auth/session").TSessionUser;

const sqlProfile = process.argv[3];
if (sqlProfile) profileStatements(sqlProfile);

/**
 * SQL_PROFILE_FILE: time every statement the server runs and, on exit, write the 30 that
 * took the most time in total (calls, average, max). SQL runs on the server's thread, so this is
 * where a slow call's time usually is.
 */
function profileStatements(file: string) {
  const client = getDb().$client;
  const execute = client.execute.bind(client) as (...args: unknown[]) => Promise<unknown>;
  const stats = new Map<string, { calls: number; ms: number; max: number }>();
  (client as { execute: (...args: unknown[]) => Promise<unknown> }).execute = async (...args: unknown[]) => {
    const statement = args[0];
    const text = typeof statement === "string" ? statement : (statement as { sql: string }).sql;
    const started = performance.now();
    try {
      return await execute(...args);
    } finally {
      const ms = performance.now() - started;
      const entry = stats.get(text) ?? { calls: 0, ms: 0, max: 0 };
      entry.calls += 1;
      entry.ms += ms;
      entry.max = Math.max(entry.max, ms);
      stats.set(text, entry);
    }
  };
  process.once("exit", () => {
    const top = [...stats].sort((left, right) => right[1].ms - left[1].ms).slice(0, 30);
    const lines = top.map(
      ([text, entry]) =>
        `${entry.ms.toFixed(0)} ms in ${entry.calls} calls, avg ${(entry.ms / entry.calls).toFixed(1)}, max ${entry.max.toFixed(0)}\n  ${text}`,
    );
    writeFileSync(file, `${lines.join("\n\n")}\n`);
  });
}

const ORIGIN = getEnv().AUTH_URL ?? "http://127.0.0.1";

function toRequest(incoming: IncomingMessage, body: Buffer) {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) headers.set(name, value.join(", "));
  }
  const hasBody = incoming.method !== "GET" && incoming.method !== "HEAD";
  return new NextRequest(new URL(incoming.url ?? "/", ORIGIN), {
    method: incoming.method,
    headers,
    body: hasBody ? new Uint8Array(body) : undefined,
  });
}

/** The signed-in user for a request's cookies, as Auth.js answers GET /api/auth/session. */
async function sessionUser(cookie: string | null): Promise<TSessionUser | null> {
  if (!cookie) return null;
  const answer = await handlers.GET(new NextRequest(new URL("/api/auth/session", ORIGIN), { headers: { cookie } }));
  if (!answer.ok) return null;
  const session = (await answer.json()) as { user?: TSessionUser } | null;
  return session?.user?.id ? session.user : null;
}

async function answer(request: InstanceType<typeof NextRequest>): Promise<Response> {
  const path = request.nextUrl.pathname;
  if (path.startsWith("/api/trpc/")) {
    return fetchRequestHandler({
      endpoint: "/api/trpc",
      req: request,
      router: appRouter,
      createContext: async () => ({ db: getDb(), user: await sessionUser(request.headers.get("cookie")) }),
    });
  }
  if (path.startsWith("/api/auth/")) return request.method === "POST" ? handlers.POST(request) : handlers.GET(request);
  if (path === "/api/health") return Response.json({ ok: true });
  return new Response(null, { status: 404 });
}

const server = createServer((incoming, response) => {
  const chunks: Buffer[] = [];
  incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
  incoming.on("end", () => {
    void (async () => {
      const result = await answer(toRequest(incoming, Buffer.concat(chunks)));
      const headers: Record<string, string | string[]> = {};
      result.headers.forEach((value, name) => {
        if (name !== "set-cookie") headers[name] = value;
      });
      const cookies = result.headers.getSetCookie();
      if (cookies.length > 0) headers["set-cookie"] = cookies;
      response.writeHead(result.status, headers).end(Buffer.from(await result.arrayBuffer()));
    })().catch((error: unknown) => {
      console.error("app-server:", error instanceof Error ? (error.stack ?? error.message) : error);
      if (!response.headersSent) response.writeHead(500).end();
    });
  });
});

server.keepAliveTimeout = 60_000;
// Exit cleanly when the bench is done, so that `--cpu-prof` and the SQL profile write their files.
process.once("SIGTERM", () => process.exit(0));
server.listen(Number(process.argv[2] ?? 0), "127.0.0.1", () => {
  const address = server.address();
  console.log(`app listening on ${typeof address === "object" && address ? address.port : "?"}`);
});
