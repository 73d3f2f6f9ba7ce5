/**
 * The push section of `npm run bench`: people created in Tandem with one account per five of them,
 * pushed by push-only ticks, against bare jsforce creating the same records with sObject
 * Collections. Each measurement runs in its own process (push-once.ts) after the emulated org is
 * emptied.
 */
import { execFileSync } from "node:child_process";
import { childProcessEnv } from "@/server/env";
import { COLLECTIONS_PER_CALL, RECORDS_PER_COLLECTION } from "@/server/sync/core/push-plan";
import { resetEmulator } from "./bench-org";
import { PEOPLE_PER_ACCOUNT } from "./push-records";

type TPushRun = {
  wallMs: number;
  /** Of the wall time: the push ticks' duplicate detection of the new records (DUP-1). */
  duplicatesMs?: number;
  apiCalls: number;
  records: number;
  maxRssMb: number;
  ticks?: number;
  tickApiCalls?: number;
  createMs?: number;
  createRssMb?: number;
  salesforceMs?: number;
  apiCallsByMethod?: Record<string, number>;
  databaseMs?: number;
  databaseCalls?: number;
  statements?: number;
};

function measurePush(mode: "tandem" | "bare", url: string, people: number): TPushRun {
  const output = execFileSync(
    process.execPath,
    ["--import", "tsx", "server/bench/push-once.ts", mode, url, String(people)],
    {
      encoding: "utf8",
      maxBuffer: 16 * 1024 * 1024,
      // A temporary `file:` database: never one set in the caller's shell.
      env: childProcessEnv({ DATABASE_URL: undefined, DATABASE_AUTH_TOKEN: undefined }),
    },
  );
  return JSON.parse(output.trim().split("\n").at(-1) ?? "{}") as TPushRun;
}

const int = (value: number | undefined) => Math.round(value ?? 0).toLocaleString("en-US");
const rate = (records: number, ms: number) => int((records / ms) * 1000);
const per1000 = (calls: number, records: number) => ((calls / records) * 1000).toFixed(2);

/** What the port's methods did here, in words. */
const METHOD_WORDS: Record<string, string> = {
  saveCollections: "composite calls carrying sObject Collections",
  describeObjects: "describe (org check)",
  queryAll: "query (org check: active users)",
};

export async function runPushSection(url: string, sizes: readonly number[]) {
  const perCall = RECORDS_PER_COLLECTION * COLLECTIONS_PER_CALL;
  console.log(
    `\nPush: people created in Tandem, each with an email, and one account per ${PEOPLE_PER_ACCOUNT} of them, pushed by push-only ticks into an empty org until no outbox row is pending or sending (the records are created beforehand in another process, not timed); bare jsforce: the same records by sObject Collections (create, allOrNone false, allowRecursive: ${RECORDS_PER_COLLECTION} records a call), accounts, then contacts with their AccountId. API calls: the emulator's count over the timed part. The org check (one describe, one query of active users) runs beforehand, as when an admin opens Settings → Salesforce to switch push on; a push run repeats it only when it is a day old.`,
  );
  for (const people of sizes) {
    await resetEmulator(url);
    const bare = measurePush("bare", url, people);
    await resetEmulator(url);
    const tandem = measurePush("tandem", url, people);
    if (tandem.records !== bare.records)
      throw new Error(`record counts differ (Tandem, bare): ${tandem.records}, ${bare.records}`);
    const accounts = Math.ceil(people / PEOPLE_PER_ACCOUNT);
    const fewest = Math.ceil(accounts / perCall) + Math.ceil(people / perCall);
    const byMethod = Object.entries(tandem.apiCallsByMethod ?? {})
      .map(([method, calls]) => `${calls} ${METHOD_WORDS[method] ?? method}`)
      .join(", ");
    console.log(
      `\n${people.toLocaleString("en-US")} people + ${accounts.toLocaleString("en-US")} accounts (${tandem.records.toLocaleString("en-US")} records)`,
    );
    console.log(
      `  API calls      ${tandem.apiCalls}: ${per1000(tandem.apiCalls, tandem.records)} per 1,000 records pushed (target ≤ 1.05); ${byMethod}; the fewest for ${perCall.toLocaleString("en-US")} records a call, accounts before contacts: ${fewest} (${per1000(fewest, tandem.records)} per 1,000); ${tandem.ticks} tick${tandem.ticks === 1 ? "" : "s"}`,
    );
    console.log(
      `  Tandem         ${int(tandem.wallMs)} ms, ${rate(tandem.records, tandem.wallMs)} records/s, peak RSS ${tandem.maxRssMb} MB (creating the records beforehand: ${int(tandem.createMs)} ms, peak RSS ${tandem.createRssMb} MB)`,
    );
    console.log(
      `  bare jsforce   ${int(bare.wallMs)} ms, ${rate(bare.records, bare.wallMs)} records/s, ${bare.apiCalls} API calls (${per1000(bare.apiCalls, bare.records)} per 1,000), peak RSS ${bare.maxRssMb} MB`,
    );
    const pushMs = tandem.wallMs - (tandem.duplicatesMs ?? 0);
    console.log(
      `  of which       ${int(tandem.duplicatesMs ?? 0)} ms checking the new records for duplicates after the push (DUP-1); the push alone ${int(pushMs)} ms`,
    );
    console.log(
      `  Tandem / bare  ${(tandem.wallMs / bare.wallMs).toFixed(2)}× (target ≤ 1.5×); the push alone ${(pushMs / bare.wallMs).toFixed(2)}×`,
    );
    const rest = tandem.wallMs - (tandem.salesforceMs ?? 0) - (tandem.databaseMs ?? 0);
    console.log(
      `  Tandem's time  ${int(tandem.salesforceMs)} ms waiting on Salesforce, ${int(tandem.databaseMs)} ms on libSQL (${int(tandem.databaseCalls)} calls, ${int(tandem.statements)} statements: ${per1000(tandem.statements ?? 0, tandem.records)} per 1,000 records), ${int(rest)} ms in between (reading rows into objects, planning, JSON)`,
    );
  }
}
