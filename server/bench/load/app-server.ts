/**
 * `node --import tsx server/bench/load/app-server.ts PORT`: Tandem's tRPC API and sign-in on
 * node:http, without `next build`, for the load bench. The same handlers the app routes use:
 * /api/trpc/* is tRPC's fetch adapter over the app router (as app/api/trpc/[trpc]/route.ts), and
 * /api/auth/* is Auth.js with Tandem's config (as app/api/auth/[...nextauth]/route.ts). Each tRPC
 * request's user comes from its session cookie through Auth.js's own session endpoint: the token
 * decrypted, the user re-read from the database, exactly the checks `auth()` makes in the app.
 * Reads DATABASE_URL, AUTH_SECRET and AUTH_URL from the environment.
 */
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
server.listen(Number(process.argv[2] ?? 0), "127.0.0.1", () => {
  const address = server.address();
  console.log(`app listening on ${typeof address === "object" && address ? address.port : "?"}`);
});
