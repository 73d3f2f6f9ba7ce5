/**
 * Ticks and emulators as processes of their own, for the tests that race, stop (SIGSTOP) and kill
 * (SIGKILL) ticks. Each runs as one node process (`node --import tsx`, not the tsx wrapper, which
 * would put a second process between the signal and the tick).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Client } from "@libsql/client";
import type { TokenResponse } from "@/server/emulator";
import type { TBusyTick, TTickSummary } from "../tick-summary";
import { emulatorAdmin, TEST_AUTH_SECRET, type TEmulatedOrg } from "./emulator-connection";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export type TProcessResult = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };

export type TRunningProcess = {
  readonly pid: number;
  readonly child: ChildProcess;
  /** Settles when the process has exited. */
  readonly exited: Promise<TProcessResult>;
  /** What it printed on stdout so far. */
  output(): string;
  /** SIGKILL unless it already exited (continued first, should it be stopped). */
  stop(): Promise<void>;
};

/** Runs a TypeScript file of this repository with node and tsx's loader. */
export function spawnScript(file: string, args: string[], env: NodeJS.ProcessEnv): TRunningProcess {
  const child = spawn(process.execPath, ["--import", "tsx", file, ...args], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<TProcessResult>((resolve, reject) => {
    child.once("error", reject);
    // "close" comes after the process exited and its pipes were drained.
    child.once("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return {
    pid: child.pid!,
    child,
    exited,
    output: () => stdout,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGCONT");
      child.kill("SIGKILL");
      await exited.catch(() => undefined);
    },
  };
}

/** Whether the kernel reports the process stopped (SIGSTOP took effect). */
export function isStopped(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).startsWith("T");
  } catch {
    return false;
  }
}

export type TEmulatorProcess = TEmulatedOrg & { process: TRunningProcess; stop(): Promise<void> };

/** `npm run emulator -- --port 0 --seed empty [...args]` as its own process, reached over HTTP. */
export async function startEmulatorProcess(args: readonly string[] = []): Promise<TEmulatorProcess> {
  const running = spawnScript("server/emulator/cli.ts", ["--port", "0", "--seed", "empty", ...args], process.env);
  const url = await new Promise<string>((resolve, reject) => {
    let seen = "";
    const timer = setTimeout(() => reject(new Error(`the emulator did not start within 30 s: ${seen}`)), 30_000);
    running.child.stdout?.on("data", (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    void running.exited.then((result) => {
      clearTimeout(timer);
      reject(new Error(`the emulator exited (${result.code ?? result.signal}): ${result.stderr}`));
    });
  });
  const { orgId } = (await emulatorAdmin({ url }, "", undefined, "GET")) as { orgId: string };
  return {
    url,
    orgId,
    process: running,
    issueTokens: async () =>
      (await emulatorAdmin({ url }, "tokens")) as unknown as TokenResponse & { refresh_token: string },
    stop: () => running.stop(),
  };
}

export type TTickProcess = TRunningProcess & {
  /** The tick's `--json` summary, once the process has exited (null if it printed none). */
  readonly summary: Promise<TTickSummary | TBusyTick | null>;
};

/** `npm run tandem -- sync --json` against the given database, as its own process. */
export function startTickProcess(database: { url: string; authToken?: string }): TTickProcess {
  const running = spawnScript("server/cli/main.ts", ["sync", "--json"], {
    ...process.env,
    DATABASE_URL: database.url,
    DATABASE_AUTH_TOKEN: database.authToken ?? "",
    AUTH_SECRET: process.env.AUTH_SECRET ?? TEST_AUTH_SECRET,
  });
  const summary = running.exited.then(({ stdout }) => {
    const start = stdout.indexOf("{");
    return start === -1 ? null : (JSON.parse(stdout.slice(start)) as TTickSummary | TBusyTick);
  });
  return { ...running, summary };
}

/**
 * What a finished load leaves behind, without times or generated ids: two loads of the same org
 * that end alike have equal snapshots.
 */
export async function loadSnapshot(client: Client) {
  const lines = async (sql: string) =>
    (await client.execute(sql)).rows.map((row) => Object.values(row).map(String).join(" "));
  return {
    people: await lines("SELECT sf_id, kind, state, content_hash FROM crm_people ORDER BY sf_id"),
    accounts: await lines("SELECT sf_id, state, content_hash FROM crm_accounts ORDER BY sf_id"),
    suppressedLeads: await lines("SELECT lead_sf_id, reason FROM suppressed_leads ORDER BY lead_sf_id"),
    cursors: await lines(
      `SELECT object, system_modstamp, last_id, loaded, total, initial_load_at IS NOT NULL AS done,
        bulk_job_id IS NULL AS no_job FROM sync_cursors ORDER BY object`,
    ),
    activity: await lines(
      "SELECT record_type, event, COUNT(*) FROM activity_log GROUP BY record_type, event ORDER BY record_type, event",
    ),
  };
}

/** Empties what a load writes (records, cursors, logs, the lease), keeping the connection. */
export async function forgetLoad(client: Client) {
  for (const table of [
    "crm_people",
    "crm_accounts",
    "crm_opportunities",
    "activity_log",
    "suppressed_leads",
    "sync_cursors",
    "sync_ticks",
    "sync_leases",
    "sync_lease_fence",
    "api_usage_samples",
    "crm_activities",
    "push_outbox",
    "push_errors",
    "field_writes",
    "mapping_recheck",
    "prospects",
    "match_keys",
    "duplicate_pairs",
  ]) {
    await client.execute(`DELETE FROM ${table}`);
  }
  await client.execute(
    `DELETE FROM settings WHERE key IN ('push.settings', 'salesforce.pushInfo', 'mapping.fields')
      OR key LIKE 'duplicates.%'`,
  );
}
