/**
 * `node --import tsx server/chaos/route-server.ts PORT`: the web server's part of the workload
 * without `next build`, for the short crash suite. It serves the same server functions the route
 * handlers call, in the same two stages: POST /api/salesforce/outbound/<token> stores and
 * acknowledges, then applies after the answer (as `after()` does); GET /api/cron/sync runs a tick
 * behind the cron secret; GET /api/health answers once the process is up. Killed with kill -9 like
 * `next start`.
 */
import { createServer, type IncomingMessage } from "node:http";
import { allowServerOnly } from "@/server/cli/server-only";

allowServerOnly();
const [
  { applyOutboundMessages, receiveOutboundMessages },
  { isAuthorizedCron },
  { runCronTick },
  { shareThreadWithRequests },
] = await Promise.all([
  import("@/server/http/outbound-messages"),
  import("@/server/http/cron-auth"),
  import("@/server/http/cron-sync"),
  import("@/server/sync/let-others-run"),
]);
// As instrumentation.ts does in `next start`.
shareThreadWithRequests();

const OUTBOUND = /^\/api\/salesforce\/outbound\/([^/?]+)$/;

function toRequest(incoming: IncomingMessage, body: Buffer): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (typeof value === "string") headers.set(name, value);
  }
  return new Request(`http://localhost${incoming.url ?? "/"}`, {
    method: incoming.method,
    headers,
    body: incoming.method === "GET" ? undefined : new Uint8Array(body),
  });
}

const server = createServer((incoming, response) => {
  const chunks: Buffer[] = [];
  incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
  incoming.on("end", () => {
    void (async () => {
      const request = toRequest(incoming, Buffer.concat(chunks));
      const path = new URL(request.url).pathname;
      const outbound = OUTBOUND.exec(path);
      if (request.method === "POST" && outbound) {
        const answer = await receiveOutboundMessages({ token: outbound[1]!, request, now: Date.now() });
        response.writeHead(answer.status, answer.headers).end(answer.body);
        if (answer.stored > 0) response.once("finish", () => void applyOutboundMessages());
        return;
      }
      if (request.method === "GET" && path === "/api/cron/sync") {
        if (!isAuthorizedCron(request)) return response.writeHead(401).end('{"ok":false}');
        const summary = await runCronTick();
        return response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(summary));
      }
      if (request.method === "GET" && path === "/api/health") {
        return response.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
      }
      response.writeHead(404).end();
    })().catch((error: unknown) => {
      console.error("route-server:", error instanceof Error ? error.message : error);
      if (!response.headersSent) response.writeHead(500).end();
    });
  });
});

server.listen(Number(process.argv[2] ?? 0), "127.0.0.1", () => {
  const address = server.address();
  console.log(`routes listening on ${typeof address === "object" && address ? address.port : "?"}`);
});
