/**
 * Where a measured push's time goes (push-once.ts): waiting on Salesforce (the port's calls, with
 * the API calls each method made) and on libSQL (calls and statements). With `trace` it also
 * prints to stderr each kind of libSQL call (named by its first statement after the lease's
 * fence) with its count and time; calls that overlap are each counted in full there.
 */
import type { TDatabase } from "@/db/client";
import { openSalesforce } from "@/server/salesforce/open-connection";
import type { SalesforcePort } from "@/server/salesforce/port";

/** Wall time inside some calls (never counted twice while several overlap), and their number. */
function busyTimer() {
  let inFlight = 0;
  let since = 0;
  const timer = {
    ms: 0,
    calls: 0,
    track<T>(pending: Promise<T>): Promise<T> {
      timer.calls += 1;
      if (inFlight++ === 0) since = performance.now();
      const done = () => {
        if (--inFlight === 0) timer.ms += performance.now() - since;
      };
      pending.then(done, done);
      return pending;
    },
  };
  return timer;
}

type TTraceEntry = { calls: number; ms: number; statements: number };

const sqlOf = (statement: unknown) =>
  (typeof statement === "string" ? statement : ((statement as { sql?: string }).sql ?? ""))
    .replace(/\s+/g, " ")
    .slice(0, 100);

export function pushProfiler(db: TDatabase, options: { trace: boolean }) {
  const salesforce = busyTimer();
  const database = busyTimer();
  let statements = 0;
  let apiCallsByMethod: Record<string, number> = {};
  const trace = options.trace ? new Map<string, TTraceEntry>() : null;
  const traced = <T>(label: string, count: number, pending: Promise<T>) => {
    if (!trace) return pending;
    const at = performance.now();
    const done = () => {
      const entry = trace.get(label) ?? { calls: 0, ms: 0, statements: 0 };
      entry.calls += 1;
      entry.ms += performance.now() - at;
      entry.statements += count;
      trace.set(label, entry);
    };
    pending.then(done, done);
    return pending;
  };

  const client = db.$client;
  const execute = client.execute.bind(client) as (...args: unknown[]) => ReturnType<typeof client.execute>;
  client.execute = ((...args: unknown[]) => {
    statements += 1;
    return database.track(traced(`execute ${sqlOf(args[0])}`, 1, execute(...args)));
  }) as typeof client.execute;
  const batch = client.batch.bind(client);
  client.batch = (stmts, mode) => {
    statements += stmts.length;
    const main = stmts.find((stmt) => !sqlOf(stmt).includes("sync_lease")) ?? stmts[0];
    return database.track(traced(`batch ${sqlOf(main)}`, stmts.length, batch(stmts, mode)));
  };

  /** The tick's port, each method timed and charged with the API calls it made. */
  const open = async (handle: TDatabase): Promise<SalesforcePort> => {
    const port = await openSalesforce(handle);
    return new Proxy(port, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver) as unknown;
        if (typeof value !== "function" || key === "flush") return value;
        return (...args: unknown[]) => {
          const before = target.apiCalls;
          const charge = () => {
            const made = target.apiCalls - before;
            if (made > 0) apiCallsByMethod[String(key)] = (apiCallsByMethod[String(key)] ?? 0) + made;
          };
          const result = (value as (...a: unknown[]) => unknown).apply(target, args);
          if (!(result instanceof Promise)) return result;
          result.then(charge, charge);
          return salesforce.track(result);
        };
      },
    });
  };

  return {
    open,
    reset() {
      salesforce.ms = salesforce.calls = database.ms = database.calls = statements = 0;
      apiCallsByMethod = {};
      trace?.clear();
    },
    printTrace() {
      if (!trace) return;
      for (const [label, entry] of [...trace].sort((a, b) => b[1].ms - a[1].ms))
        console.error(
          `${Math.round(entry.ms).toString().padStart(6)} ms ${String(entry.calls).padStart(5)} calls ${String(entry.statements).padStart(6)} statements  ${label}`,
        );
    },
    snapshot: () => ({
      salesforceMs: Math.round(salesforce.ms),
      apiCallsByMethod: { ...apiCallsByMethod },
      databaseMs: Math.round(database.ms),
      databaseCalls: database.calls,
      statements,
    }),
  };
}
