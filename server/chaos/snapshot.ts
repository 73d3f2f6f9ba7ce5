import type { Client } from "@libsql/client";
import { EXPORT_KINDS, exportRows } from "@/server/exports/export-records";
import type { TChaosEnvironment } from "./environment";
import type { TSalesforceRecord } from "./salesforce-driver";

type TRow = Record<string, unknown>;

/** What Salesforce holds, per object, and the fields compared (references become labels). */
const SALESFORCE_FIELDS: Record<string, string[]> = {
  Account: ["Name", "Website", "Industry", "Tandem_Id__c", "IsDeleted", "MasterRecordId"],
  Contact: [
    "FirstName",
    "LastName",
    "Email",
    "Title",
    "Phone",
    "AccountId",
    "Tandem_Id__c",
    "IsDeleted",
    "MasterRecordId",
  ],
  Lead: ["FirstName", "LastName", "Email", "Company", "Tandem_Id__c", "IsDeleted", "IsConverted"],
  Opportunity: ["Name", "StageName", "Amount", "AccountId", "Tandem_Id__c", "IsDeleted"],
  Task: ["Subject", "TaskSubtype", "Status", "WhoId", "WhatId", "IsDeleted"],
};
const REFERENCES = new Set(["AccountId", "MasterRecordId", "WhoId", "WhatId"]);

/**
 * A run's end state, normalised so that two runs of one workload compare equal when they end
 * alike. Left out, because they legitimately differ: Tandem's own ids and Tandem_Id__c values (new
 * per run), every timestamp, and Salesforce Ids (the org numbers records in the order they were
 * created, which ticks interleave differently). A Salesforce Id is replaced by a label naming the
 * record by what it is: object and email (people), name (accounts, deals) or subject (tasks),
 * numbered when two records share one. Tandem_Id__c becomes whether it is set. A record's source
 * `pull` or `outbound` becomes `salesforce`: a record made in Salesforce arrives by whichever comes
 * first, its outbound message or the next pull, and a kill or a fault may delay either.
 */
export type TSnapshot = {
  tandem: Record<string, string[]>;
  salesforce: Record<string, string[]>;
};

export type TRawState = {
  exports: Record<string, TRow[]>;
  records: Record<string, TSalesforceRecord[]>;
};

/**
 * What `npm run tandem -- export <kind> --format json` prints for each kind (the same function,
 * read in this process), and every Salesforce record.
 */
export async function readState(env: TChaosEnvironment): Promise<TRawState> {
  const exports: Record<string, TRow[]> = {};
  for (const kind of EXPORT_KINDS)
    exports[kind] = JSON.parse(JSON.stringify(await exportRows(env.database.db, kind))) as TRow[];
  const records: Record<string, TSalesforceRecord[]> = {};
  for (const [object, fields] of Object.entries(SALESFORCE_FIELDS))
    records[object] = await env.salesforce.queryAll(`SELECT Id, ${fields.join(", ")} FROM ${object}`);
  return { exports, records };
}

function naturalKey(object: string, record: TSalesforceRecord): string {
  const key = record.Email ?? record.Name ?? record.Subject ?? record.LastName ?? "?";
  return `${object}:${String(key).toLowerCase()}`;
}

/** Labels for every Salesforce Id the state mentions. */
export function labelIds(records: TRawState["records"]): Map<string, string> {
  const labels = new Map<string, string>();
  for (const [object, list] of Object.entries(records)) {
    const groups = new Map<string, TSalesforceRecord[]>();
    for (const record of list) {
      const key = naturalKey(object, record);
      groups.set(key, [...(groups.get(key) ?? []), record]);
    }
    for (const [key, group] of groups) {
      if (group.length === 1) {
        labels.set(group[0]!.Id, key);
        continue;
      }
      // Records that share a key are told apart by what they hold, references aside.
      const content = (record: TSalesforceRecord) =>
        JSON.stringify(
          SALESFORCE_FIELDS[object]!.filter((field) => !REFERENCES.has(field)).map((field) => record[field] ?? null),
        );
      [...group]
        .sort((a, b) => content(a).localeCompare(content(b)))
        .forEach((record, index) => labels.set(record.Id, `${key}#${index + 1}`));
    }
  }
  return labels;
}

const label = (labels: Map<string, string>, id: unknown) =>
  id === null || id === undefined || id === "" ? null : (labels.get(String(id)) ?? `unknown:${String(id)}`);

const line = (row: TRow) => JSON.stringify(row);

export function normalise(state: TRawState): TSnapshot {
  const labels = labelIds(state.records);
  const salesforce: Record<string, string[]> = {};
  for (const [object, list] of Object.entries(state.records)) {
    salesforce[object] = list
      .map((record) => {
        const row: TRow = { label: labels.get(record.Id) };
        for (const field of SALESFORCE_FIELDS[object]!) {
          if (field === "Tandem_Id__c") row.hasTandemId = Boolean(record[field]);
          else row[field] = REFERENCES.has(field) ? label(labels, record[field]) : (record[field] ?? null);
        }
        return line(row);
      })
      .sort();
  }
  const tandem: Record<string, string[]> = {};
  for (const [kind, rows] of Object.entries(state.exports)) {
    tandem[kind] = rows
      .map((row) => {
        const {
          id: _id,
          createdAt: _created,
          inCrmSince: _since,
          importId: _import,
          crmRecordId: _record,
          ...rest
        } = row;
        const out: TRow = { ...rest };
        // Which of the two roads from Salesforce brought a record first is a race (see TSnapshot).
        if (out.source === "pull" || out.source === "outbound") out.source = "salesforce";
        for (const field of ["salesforceId", "accountSalesforceId", "crmSalesforceId"])
          if (field in out) out[field] = label(labels, out[field]);
        return line(out);
      })
      .sort();
  }
  return { tandem, salesforce };
}

/**
 * Problems a run has on its own, whatever the reference says: two Salesforce records for one
 * Tandem record, two Tandem rows for one Salesforce Id, a Tandem-created record missing in
 * Salesforce, a logged activity missing (or doubled) on either side.
 */
export async function findIntegrityProblems(
  client: Client,
  state: TRawState,
  loggedSubjects: readonly string[],
): Promise<string[]> {
  const problems: string[] = [];
  for (const [object, list] of Object.entries(state.records)) {
    const byTandemId = new Map<string, number>();
    for (const record of list)
      if (record.Tandem_Id__c && !record.IsDeleted)
        byTandemId.set(String(record.Tandem_Id__c), (byTandemId.get(String(record.Tandem_Id__c)) ?? 0) + 1);
    for (const [tandemId, n] of byTandemId)
      if (n > 1) problems.push(`Salesforce has ${n} ${object} records for Tandem record ${tandemId}`);
  }
  for (const table of ["crm_people", "crm_accounts", "crm_opportunities", "crm_activities"]) {
    const doubled = await client.execute(
      `SELECT sf_id, COUNT(*) AS n FROM ${table} WHERE sf_id IS NOT NULL GROUP BY sf_id HAVING COUNT(*) > 1`,
    );
    for (const row of doubled.rows)
      problems.push(`Tandem has ${Number(row.n)} rows in ${table} for Salesforce Id ${String(row.sf_id)}`);
  }
  const alive = new Set(
    Object.values(state.records)
      .flat()
      .filter((record) => !record.IsDeleted)
      .map((record) => record.Id),
  );
  for (const table of ["crm_people", "crm_accounts"]) {
    const created = await client.execute(
      `SELECT id, sf_id, push_state FROM ${table} WHERE source = 'tandem' AND state = 'active'`,
    );
    for (const row of created.rows) {
      if (row.push_state !== "pushed" || !row.sf_id || !alive.has(String(row.sf_id)))
        problems.push(
          `${table} ${String(row.id)} was created in Tandem but is ${String(row.push_state)} (${String(row.sf_id)})`,
        );
    }
  }
  const activities = await client.execute("SELECT subject, sf_id FROM crm_activities");
  const tasks = state.records.Task!.filter((task) => !task.IsDeleted);
  for (const subject of loggedSubjects) {
    const inTandem = activities.rows.filter((row) => row.subject === subject);
    const inSalesforce = tasks.filter((task) => task.Subject === subject);
    if (inTandem.length !== 1) problems.push(`activity "${subject}": ${inTandem.length} in Tandem (expected 1)`);
    else if (!inTandem[0]!.sf_id) problems.push(`activity "${subject}" was never pushed`);
    if (inSalesforce.length !== 1)
      problems.push(`activity "${subject}": ${inSalesforce.length} Tasks in Salesforce (expected 1)`);
  }
  return problems;
}
