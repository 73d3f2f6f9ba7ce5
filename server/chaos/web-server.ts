import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { ensureBuilt, nextBinary } from "@/server/cli/next-build";
import { childProcessEnv } from "@/server/env";
import { sleep } from "@/server/sync/testing/processes";
import type { TServerKind } from "./options";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

export const CHAOS_CRON_SECRET = "chaos-cron-secret";
export const CHAOS_OUTBOUND_TOKEN = "chaos-outbound-token-0123456789";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** Builds Tandem for `next start` unless the last build came from the same sources. */
export async function buildForNextStart(): Promise<boolean> {
  return ensureBuilt(ROOT, childProcessEnv({ NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" }));
}

export type TWebServer = {
  readonly url: string;
  readonly outboundUrl: string;
  /** kill -9, then (unless told not to) start again on the same port and wait until it answers. */
  crash(options?: { restart?: boolean }): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** GET /api/cron/sync: a tick in the server. */
  cronTick(): Promise<Response>;
  /** The running process's id, null while it is down. */
  readonly pid: number | null;
};

/**
 * Tandem's web server for the workload, on a port of its own: `next start` (production build) or
 * the route handlers' functions on node:http (route-server.ts). Outbound messages come here and
 * cron ticks run here; the crash suite kills it with SIGKILL and starts it again.
 */
export async function startWebServer(input: {
  kind: TServerKind;
  databaseUrl: string;
  /** The remote database's token; none for a `file:` database. */
  databaseAuthToken?: string;
  authSecret: string;
  logFile: string;
  /** Node options for the server, e.g. `--cpu-prof`; with them, `stop()` lets it exit on SIGTERM so it can write its files. */
  nodeOptions?: string[];
}): Promise<TWebServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const log = createWriteStream(input.logFile, { flags: "a" });
  const env = childProcessEnv({
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    AUTH_SECRET: input.authSecret,
    AUTH_URL: url,
    CRON_SECRET: CHAOS_CRON_SECRET,
    DATABASE_URL: input.databaseUrl,
    DATABASE_AUTH_TOKEN: input.databaseAuthToken ?? "",
    SALESFORCE_OUTBOUND_TOKEN: CHAOS_OUTBOUND_TOKEN,
    LOG_LEVEL: "warn",
  });
  let running: { child: ChildProcess; exited: Promise<void> } | null = null;

  const start = async () => {
    const args = [
      ...(input.nodeOptions ?? []),
      ...(input.kind === "next"
        ? [nextBinary(ROOT), "start", "-p", String(port), "-H", "127.0.0.1"]
        : ["--import", "tsx", "server/chaos/route-server.ts", String(port)]),
    ];
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    const exited = new Promise<void>((resolve) => child.once("close", () => resolve()));
    running = { child, exited };
    child.stdout?.pipe(log, { end: false });
    child.stderr?.pipe(log, { end: false });
    const deadline = Date.now() + 60_000;
    for (;;) {
      const exited = child.exitCode !== null || child.signalCode !== null;
      if (exited) throw new Error(`the web server exited while starting; see ${input.logFile}`);
      const answered = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) }).then(
        (response) => response.status < 500,
        () => false,
      );
      if (answered) return;
      if (Date.now() > deadline) throw new Error(`the web server did not answer within 60 s; see ${input.logFile}`);
      await sleep(100);
    }
  };
  await start();
  return {
    url,
    outboundUrl: `${url}/api/salesforce/outbound/${CHAOS_OUTBOUND_TOKEN}`,
    get pid() {
      return running?.child.pid ?? null;
    },
    start,
    async crash(options = {}) {
      if (running) {
        running.child.kill("SIGKILL");
        await running.exited;
        running = null;
      }
      if (options.restart !== false) await start();
    },
    async stop() {
      if (running) {
        const { child, exited } = running;
        if (input.nodeOptions?.length) {
          child.kill("SIGTERM");
          await Promise.race([exited, sleep(15_000)]);
        }
        child.kill("SIGKILL");
        await exited;
      }
      running = null;
      log.end();
    },
    cronTick: () => fetch(`${url}/api/cron/sync`, { headers: { authorization: `Bearer ${CHAOS_CRON_SECRET}` } }),
  };
}
