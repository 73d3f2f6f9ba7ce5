/**
 * One measured push, in its own process so its peak RSS is its own (the emulator runs in
 * another). Prints one JSON line.
 *   tsx server/bench/push-once.ts tandem|bare <emulatorUrl> <people> [--trace]
 * Both send the same records: `people` contacts, each with an email, and one account per five of
 * them; accounts first, then each contact with its account's Salesforce Id.
 * - tandem: a fresh temporary `file:` database, migrated and connected to the emulated org, push
 *   switched on for people and accounts, the records created in it as the write side creates them
 *   (row and outbox row together) by `setup`, a process of its own whose time and memory do not
 *   count. Then push-only ticks (`runTick(db, "push")`) run until no outbox row is pending or
 *   sending: that is timed.
 * - bare: bare jsforce creates them with sObject Collections (jsforce's `allowRecursive`: 200
 *   records a call, one call after another), accounts first, then contacts: timed.
 * API calls are the emulator's count over the timed part. For Tandem it includes the org check a
 * push run makes when the stored one is missing or over 24 hours old (one composite call
 * describing the objects push writes, one query of the org's active users), as on a first push.
 * Afterwards both are checked: every record has its Salesforce Id, and the org holds exactly the
 * contacts and accounts sent, each contact under the account it was sent with.
 * `--trace` (tandem) prints to stderr where the libSQL time went, call by call (push-profile.ts).
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { openDatabase, readDatabaseConfig, type TDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { childProcessEnv, setEnvDefault } from "@/server/env";
import { adminConnection } from "@/server/salesforce/testing/admin-connection";
import { runTick } from "@/server/sync/run-tick";
import { BENCH_AUTH_SECRET, benchDatabase, connectToEmulator, emulatorApiCalls, tokens } from "./bench-org";
import { pushProfiler } from "./push-profile";
import { benchRecords, createBenchPush } from "./push-records";

type TSaveResult = { success: boolean; id?: string; errors?: unknown[] };

/**
 * A plain jsforce connection, the one tests arrange data with, from tokens the emulator (another
 * process here) issued over HTTP.
 */
async function bareConnection(url: string) {
  const issued = await tokens(url);
  return adminConnection({ issueTokens: () => issued });
}

/** Contacts (Id → AccountId) and accounts as the org holds them, read after the timed part. */
async function readOrg(url: string) {
  const connection = await bareConnection(url);
  const all = async (soql: string) => {
    let page = await connection.query<{ Id: string; AccountId?: string | null }>(soql);
    const records = [...page.records];
    while (!page.done && page.nextRecordsUrl) {
      page = await connection.queryMore(page.nextRecordsUrl);
      records.push(...page.records);
    }
    return records;
  };
  const contacts = new Map((await all("SELECT Id, AccountId FROM Contact")).map((c) => [c.Id, c.AccountId ?? null]));
  const accounts = new Set((await all("SELECT Id FROM Account")).map((a) => a.Id));
  return { contacts, accounts };
}

/** Throws unless the org holds exactly these contacts, each under its account, and these accounts. */
async function verifyOrg(url: string, contactAccount: ReadonlyMap<string, string | null>, accounts: number) {
  const held = await readOrg(url);
  const misplaced = [...contactAccount].filter(([id, accountId]) => held.contacts.get(id) !== accountId);
  const withoutAccount = [...held.contacts.values()].filter((accountId) => !accountId || !held.accounts.has(accountId));
  if (
    held.contacts.size !== contactAccount.size ||
    held.accounts.size !== accounts ||
    misplaced.length > 0 ||
    withoutAccount.length > 0
  )
    throw new Error(
      `the org holds ${held.contacts.size} contacts and ${held.accounts.size} accounts, expected ${contactAccount.size} and ${accounts}; ${misplaced.length} contacts missing or under another account, ${withoutAccount.length} without one of the accounts`,
    );
}

/**
 * `setup`: into DATABASE_URL, migrated and connected, push switched on for people and accounts,
 * the records created as the write side creates them.
 */
async function setup(url: string, people: number) {
  const handle = openDatabase(readDatabaseConfig());
  const { db } = handle;
  await migrateDatabase(handle);
  await connectToEmulator(db, url);
  const { createMs } = await createBenchPush(db, people);
  handle.client.close();
  return { createMs };
}

async function rows(db: TDatabase, sql: string) {
  return (await db.$client.execute(sql)).rows;
}

async function countOf(db: TDatabase, sql: string) {
  return Number((await rows(db, sql))[0]?.n ?? 0);
}

async function tandem(url: string, people: number) {
  const database = benchDatabase();
  const output = execFileSync(
    process.execPath,
    ["--import", "tsx", fileURLToPath(import.meta.url), "setup", url, String(people)],
    {
      encoding: "utf8",
      env: childProcessEnv({ DATABASE_URL: database.config.url, DATABASE_AUTH_TOKEN: database.config.authToken }),
    },
  );
  const created = JSON.parse(output.trim().split("\n").at(-1) ?? "{}") as { createMs: number; maxRssMb: number };
  setEnvDefault("AUTH_SECRET", BENCH_AUTH_SECRET);
  const handle = openDatabase(database.config);
  const { db } = handle;
  const records =
    (await countOf(db, "SELECT count(*) AS n FROM crm_people")) +
    (await countOf(db, "SELECT count(*) AS n FROM crm_accounts"));

  const profile = pushProfiler(db, { trace: process.argv.includes("--trace") });
  const callsBefore = await emulatorApiCalls(url);
  profile.reset();
  const started = performance.now();
  let tickApiCalls = 0;
  let ticks = 0;
  let failed = 0;
  let duplicatesMs = 0;
  for (;;) {
    const summary = await runTick(db, "push", { budgetMs: 600_000, open: profile.open });
    if ("skipped" in summary) throw new Error("lease busy");
    if (!summary.ok) throw new Error(JSON.stringify(summary.failures));
    ticks += 1;
    tickApiCalls += summary.apiCalls;
    duplicatesMs += summary.duplicates?.durationMs ?? 0;
    failed += Object.values(summary.push).reduce((sum, counts) => sum + counts.failed, 0);
    const open = await countOf(db, "SELECT count(*) AS n FROM push_outbox WHERE state IN ('pending', 'sending')");
    if (open === 0) break;
    if (ticks >= 100) throw new Error(`${open} outbox rows still open after ${ticks} ticks`);
  }
  const wallMs = performance.now() - started;
  const spent = profile.snapshot();
  profile.printTrace();
  const apiCalls = (await emulatorApiCalls(url)) - callsBefore;

  const unlinked =
    (await countOf(db, "SELECT count(*) AS n FROM crm_people WHERE sf_id IS NULL")) +
    (await countOf(db, "SELECT count(*) AS n FROM crm_accounts WHERE sf_id IS NULL"));
  const notDone = await countOf(db, "SELECT count(*) AS n FROM push_outbox WHERE state != 'done'");
  const sent = await rows(
    db,
    "SELECT p.sf_id AS id, a.sf_id AS account FROM crm_people p LEFT JOIN crm_accounts a ON a.id = p.account_id",
  );
  const accounts = await countOf(db, "SELECT count(*) AS n FROM crm_accounts");
  handle.client.close();
  database.remove();
  if (unlinked > 0 || notDone > 0 || failed > 0)
    throw new Error(`${unlinked} records without a Salesforce Id, ${notDone} outbox rows not done, ${failed} failed`);
  await verifyOrg(
    url,
    new Map(sent.map((row) => [String(row.id), row.account ? String(row.account) : null])),
    accounts,
  );
  return {
    wallMs,
    duplicatesMs,
    apiCalls,
    tickApiCalls,
    ticks,
    records,
    createMs: created.createMs,
    createRssMb: created.maxRssMb,
    ...spent,
  };
}

/** The same records by bare jsforce: sObject Collections of 200, accounts first. */
async function bare(url: string, people: number) {
  const records = benchRecords(people);
  const connection = await bareConnection(url);
  const options = { allOrNone: false, allowRecursive: true };

  const callsBefore = await emulatorApiCalls(url);
  const started = performance.now();
  const accounts = (await connection.sobject("Account").create(
    records.accounts.map((account) => ({ Name: account.name, Website: account.website })),
    options,
  )) as TSaveResult[];
  const contacts = (await connection.sobject("Contact").create(
    records.people.map((person) => ({
      FirstName: person.firstName,
      LastName: person.lastName,
      Email: person.email,
      AccountId: accounts[person.account]?.id,
    })),
    options,
  )) as TSaveResult[];
  const wallMs = performance.now() - started;
  const apiCalls = (await emulatorApiCalls(url)) - callsBefore;

  const rejected = [...accounts, ...contacts].filter((result) => !result.success);
  if (rejected.length > 0) throw new Error(`${rejected.length} records rejected: ${JSON.stringify(rejected[0])}`);
  const sent = new Map(
    contacts.map((result, index) => [result.id ?? "", accounts[records.people[index]?.account ?? -1]?.id ?? null]),
  );
  await verifyOrg(url, sent, accounts.length);
  return { wallMs, apiCalls, records: contacts.length + accounts.length };
}

const MODES = { tandem, bare, setup } as const;
const [mode, url, count] = process.argv.slice(2);
const people = Number(count);
if (!url || !(mode && mode in MODES) || !Number.isInteger(people) || people < 1)
  throw new Error("usage: push-once.ts tandem|bare <emulatorUrl> <people>");
const result = await MODES[mode as keyof typeof MODES](url, people);
console.log(JSON.stringify({ ...result, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
