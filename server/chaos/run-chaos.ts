import { compareSnapshots, formatDifferences, type TDifference } from "./compare";
import { planKillPoints, type TKillRecord } from "./kill-points";
import type { TChaosOptions } from "./options";
import { seededRandom } from "./random";
import { runWorkload, type TRunInput, type TRunResult } from "./run-workload";
import { planWorkload } from "./workload";

export type TVerdict = {
  label: string;
  result: TRunResult;
  differences: TDifference[];
  ok: boolean;
};

export type TChaosReport = { ok: boolean; reference: TRunResult; verdicts: TVerdict[] };

type TLog = (line: string) => void;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * The crash suite and the fault soak: an uninterrupted, fault-free run of the seed's workload,
 * then the same workload killed at the seed's kill points and/or with faults injected, each
 * compared with it (see snapshot.ts for what is compared) and checked on its own (duplicates,
 * lost activities). Prints as it goes; the report says whether everything matched. With
 * `concurrent`, the three run side by side (each in a world of its own; the crash run's kills in
 * a phase wait for the reference to settle that phase), and the crash run's and the soak's lines
 * are printed when they end.
 */
export async function runChaos(
  options: TChaosOptions & { settleTimeoutMs?: number; concurrent?: boolean },
  log: TLog,
): Promise<TChaosReport> {
  const random = seededRandom(options.seed);
  const plan = planWorkload(random.fork("workload"), { records: options.records, rounds: options.rounds });
  const base = {
    plan,
    server: options.server,
    database: options.database,
    seed: options.seed,
    waitLeases: options.waitLeases,
    keep: options.keep,
    settleTimeoutMs: options.settleTimeoutMs ?? 600_000,
    faultRate: 0,
    killPoints: [],
  } satisfies Omit<TRunInput, "label" | "log">;
  const records = Object.values(plan.counts).reduce((a, b) => a + b, 0);
  log(
    `seed ${options.seed}: first pull of ${records} records ` +
      `(${Object.entries(plan.counts)
        .map(([object, n]) => `${object} ${n}`)
        .join(", ")}), ${plan.rounds.length} rounds, ` +
      `web server: ${options.server === "next" ? "next start" : "route functions on node:http"}, ` +
      `database: ${options.database === "sqld" ? "libSQL server (sqld)" : "file"}`,
  );
  // Each phase's tick lengths in the reference, as soon as it has settled the phase.
  const phases = new Map<
    string,
    { promise: Promise<Record<string, number>>; resolve: (ms: Record<string, number>) => void }
  >();
  const phaseOf = (name: string) => {
    let entry = phases.get(name);
    if (!entry) {
      let resolve!: (ms: Record<string, number>) => void;
      const promise = new Promise<Record<string, number>>((done) => (resolve = done));
      entry = { promise, resolve };
      phases.set(name, entry);
    }
    return entry;
  };
  const runReference = async () => {
    log("reference: the workload without kills or faults");
    const result = await runWorkload({
      ...base,
      label: "reference",
      onPhase: (name, tickMs) => phaseOf(name).resolve(tickMs),
      log,
    });
    log(`reference done in ${seconds(result.ms)}: ${result.ticks} ticks, ${result.apiCalls} API calls by Tandem`);
    if (result.problems.length > 0)
      log(`the reference run itself has problems:\n${result.problems.map((problem) => `  ${problem}`).join("\n")}`);
    return result;
  };
  const judge = (reference: TRunResult, label: string, result: TRunResult): TVerdict => {
    const differences = compareSnapshots(reference.snapshot, result.snapshot);
    return { label, result, differences, ok: differences.length === 0 && result.problems.length === 0 };
  };
  // A kill point is a share of a tick's work (or of the first load's time per chunk) in the
  // reference: the crash run's kills in a phase wait until the reference has settled that phase.
  const crashRun = async (out: TLog, stopped: Promise<never>) => {
    const killPoints = planKillPoints(random.fork("kills"), options.kills, options.rounds);
    out(`crash run: ${options.kills} kill points`);
    return runWorkload({
      ...base,
      label: "crash",
      killPoints,
      referenceTickMs: (phase) => Promise.race([phaseOf(phase).promise, stopped]),
      log: out,
    });
  };
  const crashVerdict = (reference: TRunResult, result: TRunResult, out: TLog) => {
    const verdict = judge(reference, "crash", result);
    out(`crash run done in ${seconds(result.ms)}: ${result.ticks} ticks after the kills`);
    out(`  kills: ${describeKills(result.kills)}`);
    out(`  API calls: ${describeExtraCalls(result.apiCalls, reference.apiCalls)}`);
    report(verdict, out);
    return verdict;
  };
  // The soak needs the reference only to be judged.
  const soakRun = async (out: TLog) => {
    out(`fault soak: ${Math.round(options.faults * 100)}% of Salesforce calls fail`);
    return runWorkload({ ...base, label: "faults", faultRate: options.faults, log: out });
  };
  const soakVerdict = (reference: TRunResult, result: TRunResult, out: TLog) => {
    const verdict = judge(reference, "faults", result);
    const injected = Object.entries(result.faultsInjected).sort(([a], [b]) => a.localeCompare(b));
    const total = injected.reduce((sum, [, n]) => sum + n, 0);
    out(`fault soak done in ${seconds(result.ms)}: ${result.ticks} ticks`);
    out(`  faults injected: ${total} in ${result.apiCalls} calls (${describeFaults(result.faultsInjected)})`);
    out(`  API calls: ${describeExtraCalls(result.apiCalls, reference.apiCalls)}`);
    report(verdict, out);
    return verdict;
  };

  let reference: TRunResult;
  const verdicts: TVerdict[] = [];
  if (options.concurrent) {
    // Side by side, each in a world of its own: the soak and the crash run start with the
    // reference (the crash run's kills in each phase wait for the reference's phase). The crash
    // run's and the soak's lines are printed when they end.
    const soakLines: string[] = [];
    const crashLines: string[] = [];
    const referenceRun = runReference();
    const stopped = referenceRun.then(
      () => new Promise<never>(() => undefined),
      (error: unknown) => Promise.reject(error instanceof Error ? error : new Error(String(error))),
    );
    stopped.catch(() => undefined);
    // Each settled at once, so that one run failing leaves no other's rejection unhandled.
    const settled = <T>(run: Promise<T> | null) =>
      run?.then(
        (result) => ({ result }),
        (error: unknown) => ({ error }),
      ) ?? Promise.resolve(null);
    const [referenceSettled, crashSettled, soakSettled] = await Promise.all([
      settled(referenceRun),
      settled(options.kills > 0 ? crashRun((line) => crashLines.push(line), stopped) : null),
      settled(options.faults > 0 ? soakRun((line) => soakLines.push(line)) : null),
    ]);
    for (const outcome of [referenceSettled, crashSettled, soakSettled])
      if (outcome && "error" in outcome) throw outcome.error;
    reference = (referenceSettled as { result: TRunResult }).result;
    for (const line of crashLines) log(line);
    if (crashSettled && "result" in crashSettled) verdicts.push(crashVerdict(reference, crashSettled.result, log));
    for (const line of soakLines) log(line);
    if (soakSettled && "result" in soakSettled) verdicts.push(soakVerdict(reference, soakSettled.result, log));
  } else {
    reference = await runReference();
    const done = new Promise<never>(() => undefined);
    if (options.kills > 0) verdicts.push(crashVerdict(reference, await crashRun(log, done), log));
    if (options.faults > 0) verdicts.push(soakVerdict(reference, await soakRun(log), log));
  }
  const ok = reference.problems.length === 0 && verdicts.every((verdict) => verdict.ok);
  log(ok ? "verdict: every run ended as the uninterrupted, fault-free one" : "verdict: MISMATCH");
  return { ok, reference, verdicts };
}

/** How many kills caught work, in all and by target, and how many SIGKILLs that took. */
export function describeKills(kills: readonly TKillRecord[]): string {
  const targets = [...new Set(kills.map((kill) => kill.target))].sort();
  const byTarget = targets.map((target) => {
    const of = kills.filter((kill) => kill.target === target);
    return `${target} ${of.filter((kill) => kill.landed).length}/${of.length}`;
  });
  const landed = kills.filter((kill) => kill.landed).length;
  const sent = kills.reduce((n, kill) => n + kill.attempts, 0);
  const firstPull = kills.filter((kill) => kill.phase === "first pull");
  const inLoad = firstPull.filter((kill) => kill.duringLoad).length;
  return (
    `${landed} of ${kills.length} caught work (${byTarget.join(", ")}), ${sent} kill -9 sent; ` +
    `${inLoad} of the first pull's ${firstPull.length} during the load`
  );
}

/** Faults by kind, the most frequent first. */
export function describeFaults(injected: Record<string, number>): string {
  const kinds = Object.entries(injected).sort(([a, m], [b, n]) => n - m || a.localeCompare(b));
  return kinds.map(([kind, n]) => `${kind} ${n}`).join(", ") || "none";
}

function describeExtraCalls(calls: number, reference: number): string {
  const extra = calls - reference;
  const share = reference > 0 ? ` (${((extra / reference) * 100).toFixed(1)}%)` : "";
  return `${calls} against ${reference} in the reference: ${extra} extra${share}`;
}

function report(verdict: TVerdict, log: TLog) {
  if (verdict.ok) {
    log(
      `  ${verdict.label}: matches the reference (Tandem exports and Salesforce records), no duplicate, no lost activity`,
    );
    return;
  }
  if (verdict.result.problems.length > 0)
    log(`  ${verdict.label} problems:\n${verdict.result.problems.map((problem) => `    ${problem}`).join("\n")}`);
  if (verdict.differences.length > 0)
    log(`  ${verdict.label} differs from the reference:\n${formatDifferences(verdict.differences)}`);
  if (verdict.result.dir) log(`  ${verdict.label}: run folder ${verdict.result.dir} (deleted unless --keep)`);
}
