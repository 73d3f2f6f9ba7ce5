import { parseArgs } from "node:util";

export type TServerKind = "next" | "routes";
export type TDatabaseKind = "file" | "sqld";

export type TChaosOptions = {
  seed: number;
  /** Kill points of the crash run; 0 skips it. */
  kills: number;
  /** Share of Salesforce calls that fail in the fault soak; 0 skips it. */
  faults: number;
  /** Records of the first pull. */
  records: number;
  /** Rounds of incremental changes after it. */
  rounds: number;
  /** `routes`: the route handlers' functions served by node:http; `next`: `next start` (built when sources changed). */
  server: TServerKind;
  /** `file`: a libSQL file per run; `sqld`: a libSQL server (Turso's path) per run. */
  database: TDatabaseKind;
  /** Wait out a killed tick's lease (25 s) instead of expiring it once its holder stopped renewing. */
  waitLeases: boolean;
  /** Keep each run's database and logs (the folder is printed). */
  keep: boolean;
};

export const CHAOS_USAGE = `Usage: npm run chaos -- [--kills N] [--faults RATE | --soak] [--seed S] [--records N]
                        [--rounds N] [--quick] [--server next|routes] [--database file|sqld]
                        [--wait-leases] [--keep]

  --kills N        the crash suite: the workload killed (kill -9) at N seeded points, tick
                   processes and the web server, compared with an uninterrupted run
  --faults RATE    the fault soak: the same workload with RATE (0..0.5, e.g. 0.1) of Salesforce
                   calls failing (500, 503, timeouts and dropped answers after commit,
                   UNABLE_TO_LOCK_ROW, REQUEST_LIMIT_EXCEEDED, expired sessions, dropped
                   connections), compared with the fault-free run (also --fault-rate RATE)
  --soak           the fault soak at 10% (--faults 0.1)
  --seed S         the workload and the kill points (default 1)
  --records N      records of the first pull (default 30000)
  --rounds N       rounds of two-way changes after it (default 5)
  --quick          the short version: 2000 records, 2 rounds, and unless given otherwise
                   8 kills and a soak at 20% (a small workload makes few calls)
  --server KIND    routes: the route handlers' functions on node:http (default; starts in
                   a second); next: next start (built first when the sources changed)
  --database KIND  file: a libSQL file per run (default); sqld: a libSQL server per run, reached
                   over HTTP with a token, as on Turso
  --wait-leases    wait out a killed tick's lease (25 s) rather than expire it once its holder
                   has stopped renewing it (about 6 s)
  --keep           keep each run's database and server log, and print where
Without --kills, --faults and --soak: --kills 50 --soak (the crash suite, then the fault soak).
Exits 1 when a run does not end as the reference, 2 on bad arguments.`;

/** Parses `npm run chaos` arguments; a bad value is an error that says what to write instead. */
export function parseChaosOptions(argv: string[]): TChaosOptions | "help" {
  const { values } = parseArgs({
    args: argv,
    options: {
      kills: { type: "string" },
      faults: { type: "string" },
      "fault-rate": { type: "string" },
      soak: { type: "boolean", default: false },
      seed: { type: "string", default: "1" },
      records: { type: "string" },
      rounds: { type: "string" },
      quick: { type: "boolean", default: false },
      server: { type: "string", default: "routes" },
      database: { type: "string", default: "file" },
      "wait-leases": { type: "boolean", default: false },
      keep: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  });
  if (values.help) return "help";
  const integer = (name: string, value: string, min: number, max: number) => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < min || parsed > max)
      throw new Error(`--${name} must be a whole number from ${min} to ${max}, not ${value}`);
    return parsed;
  };
  if (values.faults !== undefined && values["fault-rate"] !== undefined)
    throw new Error("--faults and --fault-rate are one option: give it once");
  const rate = values.faults ?? values["fault-rate"];
  const quick = values.quick;
  const asked = values.kills !== undefined || rate !== undefined || values.soak;
  const faults = rate !== undefined ? Number(rate) : values.soak ? 0.1 : asked ? 0 : quick ? 0.2 : 0.1;
  if (!Number.isFinite(faults) || faults < 0 || faults > 0.5)
    throw new Error(`--faults must be a share of calls from 0 to 0.5 (e.g. 0.1), not ${rate}`);
  if (values.server !== "next" && values.server !== "routes")
    throw new Error(`--server must be next or routes, not ${values.server}`);
  if (values.database !== "file" && values.database !== "sqld")
    throw new Error(`--database must be file or sqld, not ${values.database}`);
  const kills = values.kills !== undefined ? integer("kills", values.kills, 0, 1000) : asked ? 0 : quick ? 8 : 50;
  return {
    seed: integer("seed", values.seed, 0, 2 ** 31),
    kills,
    faults,
    records: integer("records", values.records ?? (quick ? "2000" : "30000"), 100, 500_000),
    rounds: integer("rounds", values.rounds ?? (quick ? "2" : "5"), 1, 50),
    server: values.server,
    database: values.database,
    waitLeases: values["wait-leases"],
    keep: values.keep,
  };
}
