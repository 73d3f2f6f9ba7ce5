/**
 * One measured incremental pull with field mapping on or off, in its own process. Prints one JSON
 * line.   tsx server/bench/mapping-once.ts on|off <emulatorUrl> <contacts>
 * Not timed: the org gets `contacts` synthetic contacts (Title "Buyer", no phone, no city); Tandem
 * gets a prospect per contact with the same email (so PULL-3 links each to its contact) holding a
 * title, a phone, a city, a country and a Department column, pulls everything once, checks the
 * org's fields, and turns push on for people; then every contact's lead source changes in
 * Salesforce, so the next pull brings all of them back changed. Timed: that
 * incremental pull (`pullObjects`, the pull step of a tick). With `on`, five mapped fields plan
 * their writes in it: Title and Phone auto-overwrite, Mailing City and Country and Department
 * auto-fill. Then (on) push-only ticks send the writes: their API calls are counted, and the org
 * is checked to hold every value.
 */
import { randomUUID } from "node:crypto";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { prospects } from "@/db/schema";
import { buildInsertStatements } from "@/db/bulk-insert";
import { newId } from "@/server/ids";
import { openSalesforce } from "@/server/salesforce/open-connection";
import { writeSetting } from "@/server/settings/settings-store";
import { acquireLease } from "@/server/sync/lease";
import { pullObjects } from "@/server/sync/pull/pull-objects";
import { checkOrgForPush } from "@/server/sync/push/org-push-info";
import { runTick } from "@/server/sync/run-tick";
import { enablePush } from "@/server/sync/testing/push-fixtures";
import type { TTickSummary } from "@/server/sync/tick-summary";
import { adminConnection } from "@/server/salesforce/testing/admin-connection";
import { benchDatabase, connectToEmulator, emulatorApiCalls, tokens } from "./bench-org";

type TContact = { Id: string; Email: string };

async function admin(url: string, path: string, body: unknown) {
  const response = await fetch(`${url}/__emulator/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", connection: "close" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
}

async function connection(url: string) {
  const issued = await tokens(url);
  return adminConnection({ issueTokens: () => issued });
}

async function allContacts(url: string): Promise<Array<TContact & Record<string, unknown>>> {
  const sf = await connection(url);
  let page = await sf.query<TContact & Record<string, unknown>>(
    "SELECT Id, Email, Title, Phone, MailingCity, MailingCountry, Department FROM Contact",
  );
  const records = [...page.records];
  while (!page.done && page.nextRecordsUrl) {
    page = await sf.queryMore(page.nextRecordsUrl);
    records.push(...page.records);
  }
  return records;
}

/** Every contact's lead source changed, 200 to a collection call: each comes back changed in the next pull. */
async function touchAll(url: string, contacts: readonly TContact[]) {
  const sf = await connection(url);
  for (let start = 0; start < contacts.length; start += 200) {
    const slice = contacts.slice(start, start + 200).map((c) => ({ Id: c.Id, LeadSource: "Partner Referral" }));
    await sf.sobject("Contact").update(slice, { allOrNone: true });
  }
}

const emptySummary = (): TTickSummary => ({
  ok: true,
  tickId: randomUUID(),
  durationMs: 0,
  apiCalls: 0,
  more: false,
  pull: {
    Account: { created: 0, updated: 0, deleted: 0, unchanged: 0 },
    Contact: { created: 0, updated: 0, deleted: 0, unchanged: 0 },
    Lead: { created: 0, updated: 0, deleted: 0, unchanged: 0, suppressed: 0 },
    Opportunity: { created: 0, updated: 0, deleted: 0, unchanged: 0 },
  },
  push: {},
});

async function run(mode: "on" | "off", url: string, count: number) {
  await admin(url, "reset", { seed: "empty" });
  await admin(url, "records", { object: "Contact", count });
  const contacts = await allContacts(url);

  const database = benchDatabase();
  const handle = openDatabase(database.config);
  const { db } = handle;
  if (process.argv.includes("--trace")) {
    const client = handle.client as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    for (const name of ["execute", "batch"]) {
      const original = client[name]!.bind(handle.client);
      client[name] = async (...args: unknown[]) => {
        const t = performance.now();
        const result = await original(...args);
        const ms = performance.now() - t;
        if (ms > 200) {
          const list = name === "batch" ? (args[0] as Array<{ sql?: string } | string>) : [args[0] as { sql?: string }];
          for (const statement of list) {
            const started = typeof statement === "string" ? statement : (statement.sql ?? "");
            console.error(`${Math.round(ms)} ms ${name}: ${started.replace(/\s+/g, " ").slice(0, 160)}`);
          }
        }
        return result;
      };
    }
  }
  await migrateDatabase(handle);
  await connectToEmulator(db, url);
  const now = Date.now();
  const rows = contacts.map((contact, index) => ({
    id: newId(now),
    kind: "person" as const,
    name: contact.Email,
    email: contact.Email,
    emailNormalized: contact.Email.toLowerCase(),
    title: index % 2 ? "VP Sales" : "Head of Growth",
    phone: `+1 555 01${String(index % 100).padStart(2, "0")} ${String(index % 10_000).padStart(4, "0")}`,
    city: "Lisbon",
    country: "Portugal",
    extra: { Department: "Sales" },
    source: "import" as const,
    createdAt: now,
    updatedAt: now,
  }));
  for (let start = 0; start < rows.length; start += 1000) {
    await db.$client.batch(
      buildInsertStatements(prospects, rows.slice(start, start + 1000), { rowsAsJson: false }),
      "write",
    );
  }
  // The first load, which links every prospect to its contact (PULL-3); push goes on afterwards.
  for (;;) {
    const summary = await runTick(db, "cli", { budgetMs: 600_000 });
    if ("skipped" in summary || !summary.ok) throw new Error(`first load: ${JSON.stringify(summary)}`);
    if (!summary.more) break;
  }
  const salesforce = await openSalesforce(db);
  await checkOrgForPush(db, salesforce, Date.now());
  await enablePush(db, ["people"]);
  const on = mode === "on";
  await writeSetting(db, "mapping.fields", {
    Contact: [
      { tandem: "title", salesforce: "Title", mode: on ? "auto-overwrite" : "off" },
      { tandem: "phone", salesforce: "Phone", mode: on ? "auto-overwrite" : "off" },
      { tandem: "city", salesforce: "MailingCity", mode: on ? "auto-fill" : "off" },
      { tandem: "country", salesforce: "MailingCountry", mode: on ? "auto-fill" : "off" },
      { tandem: "extra.Department", salesforce: "Department", mode: on ? "auto-fill" : "off" },
    ],
  });
  await touchAll(url, contacts);

  const lease = await acquireLease(db, { holder: randomUUID(), now: Date.now });
  if (!lease) throw new Error("lease busy");
  const summary = emptySummary();
  const callsBefore = await emulatorApiCalls(url);
  const started = performance.now();
  await pullObjects(db, salesforce, { now: Date.now, deadline: Date.now() + 600_000, overlapMs: 0, summary, lease });
  const pullMs = performance.now() - started;
  const pullCalls = (await emulatorApiCalls(url)) - callsBefore;
  await lease.release();
  const pulled = summary.pull.Contact.updated + summary.pull.Contact.unchanged;
  if (pulled < count) throw new Error(`the incremental pull brought ${pulled} of ${count} contacts`);
  const queued = Number(
    (await db.$client.execute("SELECT count(*) AS n FROM push_outbox WHERE state = 'pending'")).rows[0]?.n ?? 0,
  );
  const writes = Number(
    (
      await db.$client.execute(
        "SELECT coalesce(sum((SELECT count(*) FROM json_each(field_values))), 0) AS n FROM push_outbox WHERE state = 'pending'",
      )
    ).rows[0]?.n ?? 0,
  );

  let pushCalls = 0;
  let pushMs = 0;
  if (on) {
    const before = await emulatorApiCalls(url);
    const pushStarted = performance.now();
    for (;;) {
      const tick = await runTick(db, "push", { budgetMs: 600_000 });
      if ("skipped" in tick || !tick.ok) throw new Error(`push: ${JSON.stringify(tick)}`);
      const left = Number(
        (await db.$client.execute("SELECT count(*) AS n FROM push_outbox WHERE state IN ('pending', 'sending')"))
          .rows[0]?.n ?? 0,
      );
      if (left === 0) break;
    }
    pushMs = performance.now() - pushStarted;
    pushCalls = (await emulatorApiCalls(url)) - before;
    const held = await allContacts(url);
    const wrong = held.filter(
      (c) => !c.Phone || c.MailingCity !== "Lisbon" || c.Department !== "Sales" || c.Title === "Buyer",
    );
    if (wrong.length) throw new Error(`${wrong.length} contacts lack a mapped value, e.g. ${JSON.stringify(wrong[0])}`);
  }
  await salesforce.flush();
  handle.client.close();
  database.remove();
  return { pullMs, pullCalls, pulled, queued, writes, pushCalls, pushMs };
}

const [mode, url, size] = process.argv.slice(2);
if (!url || (mode !== "on" && mode !== "off"))
  throw new Error("usage: mapping-once.ts on|off <emulatorUrl> <contacts>");
const result = await run(mode, url, Number(size ?? 10_000));
console.log(JSON.stringify({ ...result, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
