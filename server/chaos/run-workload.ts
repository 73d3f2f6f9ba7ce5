import { setEnvDefault } from "@/server/env";
import { TEST_AUTH_SECRET } from "@/server/sync/testing/emulator-connection";
import { openChaosEnvironment, type TChaosEnvironment } from "./environment";
import { executeKillPoint, FIRST_LOAD, orderOfPhase, type TKillPoint, type TKillRecord } from "./kill-points";
import type { TDatabaseKind, TServerKind } from "./options";
import { doRepActions, setUpTandem } from "./rep-actions";
import { addOutboundRules, applySalesforceChanges, seedOrg } from "./salesforce-changes";
import { findIntegrityProblems, normalise, readState, type TSnapshot } from "./snapshot";
import { settle, type TTickVia } from "./ticks";
import type { TWorkloadPlan } from "./workload";

/** The fault mix of the soak: every kind the emulator injects, evenly. */
export const SOAK_FAULT_KINDS = [
  "500",
  "503",
  "UNABLE_TO_LOCK_ROW",
  "REQUEST_LIMIT_EXCEEDED",
  "INVALID_SESSION_ID",
  "expireSession",
  "drop",
  "dropAfterCommit",
  "timeoutAfterCommit",
] as const;

export type TRunInput = {
  label: string;
  plan: TWorkloadPlan;
  server: TServerKind;
  database: TDatabaseKind;
  killPoints: readonly TKillPoint[];
  /**
   * The longest tick of each phase in the uninterrupted run, what a kill point's share is of: once
   * the uninterrupted run has finished the phase (it may run alongside).
   */
  referenceTickMs?: (phase: string) => Promise<Record<string, number>>;
  /** Told each phase's tick lengths (so far) as soon as the phase has settled. */
  onPhase?: (phase: string, tickMs: Record<string, number>) => void;
  faultRate: number;
  seed: number;
  waitLeases: boolean;
  keep: boolean;
  settleTimeoutMs: number;
  log: (line: string) => void;
};

export type TRunResult = {
  label: string;
  snapshot: TSnapshot;
  problems: string[];
  kills: TKillRecord[];
  faultsInjected: Record<string, number>;
  /** Tandem's requests to Salesforce's APIs (REST and SOAP) from the first pull on, failed ones too. */
  apiCalls: number;
  ticks: number;
  /** The longest cron or CLI tick of each phase, and (as FIRST_LOAD) how long the first load took. */
  tickMs: Record<string, number>;
  ms: number;
  dir: string;
};

/**
 * Ticks of a phase: by turns a `tandem sync` process and the web server's cron route, as a
 * deployment with both a system timer and a cron would.
 */
const viaOf = (tick: number): TTickVia => (tick % 2 === 1 ? "cron" : "cli");

/**
 * One run of the workload from an empty org and database to a settled end: the first pull, then
 * each round's Salesforce changes, reps' actions and ticks, with this run's kill points fired in
 * their phases and faults injected (when asked) from the first pull on. Returns the normalised end
 * state and the run's own integrity problems.
 */
export async function runWorkload(input: TRunInput): Promise<TRunResult> {
  setEnvDefault("AUTH_SECRET", TEST_AUTH_SECRET);
  const started = Date.now();
  const env = await openChaosEnvironment({ server: input.server, database: input.database, label: input.label });
  const kills: TKillRecord[] = [];
  const tickMs: Record<string, number> = {};
  let ticks = 0;
  try {
    const ids = await seedOrg(env.salesforce, input.plan);
    await addOutboundRules(env.salesforce, env.web.outboundUrl);
    await setUpTandem(env.database.db);
    // Set even at rate 0: it starts the count of Tandem's calls at the same point in every run.
    await env.salesforce.admin("faults", { errorRate: input.faultRate, kinds: SOAK_FAULT_KINDS, seed: input.seed });

    const phase = async (name: string, during?: () => Promise<void>) => {
      const phaseStarted = Date.now();
      const points = input.killPoints.filter((point) => point.phase === name);
      for (const point of points.filter((p) => p.target === "server during outbound messages")) {
        kills.push(await fire(env, point, started, input));
      }
      await during?.();
      for (const point of orderOfPhase(points.filter((p) => p.target !== "server during outbound messages"))) {
        kills.push(await fire(env, point, started, input));
      }
      const stats = await settle(env, { via: viaOf, timeoutMs: input.settleTimeoutMs, waitLeases: input.waitLeases });
      ticks += stats.ticks;
      if (name === "first pull") {
        tickMs[FIRST_LOAD] = await firstLoadMs(env, phaseStarted);
        // A first-pull kill after the load hits the ticks that follow it, not the load's own.
        const loaded = await env.database.client.execute("SELECT MAX(initial_load_at) AS at FROM sync_cursors");
        tickMs[name] = await longestTick(env, Number(loaded.rows[0]?.at ?? phaseStarted));
      } else {
        tickMs[name] = await longestTick(env, phaseStarted);
      }
      input.onPhase?.(name, { ...tickMs });
      input.log(`  ${input.label}: ${name} settled in ${stats.ticks} ticks (${(stats.ms / 1000).toFixed(1)} s)`);
    };

    await phase("first pull");
    for (const round of input.plan.rounds) {
      await applySalesforceChanges(env.salesforce, ids, round.salesforce);
      await phase(`round ${round.round}`, () => doRepActions(env.database.db, round.rep));
    }

    const faults = (await env.salesforce.admin("faults", undefined, "GET")) as {
      calls: number;
      injected: Record<string, number>;
    };
    await env.salesforce.admin("faults", undefined, "DELETE");
    const state = await readState(env);
    const subjects = input.plan.rounds.flatMap((round) => round.rep.activities.map((activity) => activity.subject));
    return {
      label: input.label,
      snapshot: normalise(state),
      problems: await findIntegrityProblems(env.database.client, state, subjects),
      kills,
      faultsInjected: faults.injected,
      apiCalls: faults.calls,
      ticks,
      tickMs,
      ms: Date.now() - started,
      dir: env.dir,
    };
  } finally {
    await env.close({ keep: input.keep });
  }
}

/** How long the first load took from its first tick's start until every object was loaded. */
async function firstLoadMs(env: TChaosEnvironment, since: number): Promise<number> {
  const result = await env.database.client.execute({
    sql: `SELECT (SELECT MAX(initial_load_at) FROM sync_cursors) - MIN(started_at) AS ms
      FROM sync_ticks WHERE started_at >= ? AND trigger IN ('cli', 'cron')`,
    args: [since],
  });
  return Number(result.rows[0]?.ms ?? 0);
}

async function longestTick(env: TChaosEnvironment, since: number): Promise<number> {
  const result = await env.database.client.execute({
    sql: "SELECT MAX(duration_ms) AS ms FROM sync_ticks WHERE started_at >= ? AND trigger IN ('cli', 'cron') AND status = 'ok'",
    args: [since],
  });
  return Number(result.rows[0]?.ms ?? 0);
}

async function fire(env: TChaosEnvironment, point: TKillPoint, startedAt: number, input: TRunInput) {
  // Without a reference (a phase whose ticks all were idle), a second is the work's length.
  const reference = await input.referenceTickMs?.(point.phase);
  const tickMs = Math.max(200, reference?.[point.phase] ?? 1_000);
  const loadMs = Math.max(200, reference?.[FIRST_LOAD] ?? tickMs);
  const firstPullRecords = Object.values(input.plan.counts).reduce((a, b) => a + b, 0);
  const record = await executeKillPoint(env, point, {
    startedAt,
    waitLeases: input.waitLeases,
    tickMs,
    firstLoad: { objects: Object.keys(input.plan.counts).length, records: firstPullRecords, ms: loadMs },
  });
  const percent = Math.round(record.at * 100);
  const share =
    record.target === "server during outbound messages"
      ? ""
      : record.duringLoad
        ? ` (${percent}% of the load)`
        : ` (${percent}%)`;
  input.log(
    `  kill ${String(record.number).padStart(2)}: ${record.target.padEnd(31)} ${record.phase.padEnd(10)} ` +
      `+${(record.delayMs / 1000).toFixed(2)} s into the work${share}, at ${(record.atMs / 1000).toFixed(1)} s` +
      `${record.attempts > 1 ? `, attempt ${record.attempts}` : ""}${record.landed ? "" : " (caught no work)"} — ${record.state}`,
  );
  return record;
}
