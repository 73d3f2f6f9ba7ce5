/**
 * Counts the calls a libSQL client makes (each one a round trip on a remote database): `execute`,
 * `batch`, `transaction`, `executeMultiple`, `migrate`, and a transaction's own statements,
 * commit and rollback. The client is wrapped in place, so drizzle, holding the same object, is
 * counted too. A page is a batch that writes CRM rows; each page is charged with the calls since
 * the previous one, itself included. The time during which at least one `execute` is in flight,
 * and at least one `batch`, is kept too (reads run several at once).
 */
import type { Client, InArgs, InStatement, Transaction, TransactionMode } from "@libsql/client";

const WRITES_RECORDS = /^\s*(insert\s+into|update)\s+"?(crm_people|crm_accounts|crm_opportunities|suppressed_leads)\b/i;

export type TRoundTrips = {
  calls: number;
  execute: number;
  batch: number;
  transaction: number;
  pages: number;
  /** Calls charged to each page, in order. */
  perPage: number[];
  executeMs: number;
  batchMs: number;
};

/** Wall time during which at least one of some calls is in flight. */
function busyClock() {
  let inFlight = 0;
  let since = 0;
  let total = 0;
  return {
    track<T>(pending: Promise<T>): Promise<T> {
      if (inFlight++ === 0) since = performance.now();
      const done = () => {
        if (--inFlight === 0) total += performance.now() - since;
      };
      pending.then(done, done);
      return pending;
    },
    get ms() {
      return total;
    },
    reset() {
      total = 0;
      if (inFlight > 0) since = performance.now();
    },
  };
}

export function countRoundTrips(client: Client) {
  let counts = { execute: 0, batch: 0, transaction: 0, other: 0 };
  let sincePage = 0;
  let perPage: number[] = [];
  const executeClock = busyClock();
  const batchClock = busyClock();
  const count = (kind: keyof typeof counts) => {
    counts[kind] += 1;
    sincePage += 1;
  };

  const execute = client.execute.bind(client) as (stmt: InStatement, args?: InArgs) => ReturnType<Client["execute"]>;
  client.execute = ((stmt: InStatement, args?: InArgs) => {
    count("execute");
    return executeClock.track(args === undefined ? execute(stmt) : execute(stmt, args));
  }) as Client["execute"];

  const batch = client.batch.bind(client);
  client.batch = (stmts, mode) => {
    count("batch");
    const sqls = stmts.map((stmt) => (typeof stmt === "string" ? stmt : Array.isArray(stmt) ? stmt[0] : stmt.sql));
    if (sqls.some((sql) => WRITES_RECORDS.test(sql))) {
      perPage.push(sincePage);
      sincePage = 0;
    }
    return batchClock.track(batch(stmts, mode));
  };

  const executeMultiple = client.executeMultiple.bind(client);
  client.executeMultiple = (sql) => {
    count("other");
    return executeMultiple(sql);
  };
  const migrate = client.migrate.bind(client);
  client.migrate = (stmts) => {
    count("other");
    return migrate(stmts);
  };

  const transaction = client.transaction.bind(client) as (mode?: TransactionMode) => Promise<Transaction>;
  client.transaction = (async (mode?: TransactionMode) => {
    count("transaction");
    const tx = await transaction(mode);
    for (const method of ["execute", "batch", "executeMultiple", "commit", "rollback"] as const) {
      const original = (tx[method] as (...args: unknown[]) => unknown).bind(tx);
      (tx as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
        count("transaction");
        return original(...args);
      };
    }
    return tx;
  }) as Client["transaction"];

  return {
    reset() {
      counts = { execute: 0, batch: 0, transaction: 0, other: 0 };
      sincePage = 0;
      perPage = [];
      executeClock.reset();
      batchClock.reset();
    },
    snapshot(): TRoundTrips {
      const { execute, batch, transaction, other } = counts;
      return {
        calls: execute + batch + transaction + other,
        execute,
        batch,
        transaction,
        pages: perPage.length,
        perPage: [...perPage],
        executeMs: Math.round(executeClock.ms),
        batchMs: Math.round(batchClock.ms),
      };
    },
  };
}
