import { eq, inArray } from "drizzle-orm";
import { bulkInsert } from "@/db/bulk-insert";
import type { TDatabase, TTransaction } from "@/db/client";
import { crmPeople, suppressedLeads, type TSyncObject } from "@/db/schema";
import { recordActivity, type TActivityEntry } from "@/server/activity/record-activity";
import { newId } from "@/server/ids";
import { markProspectsInCrm } from "@/server/prospects/mark-prospects-in-crm";
import { contentHash, diffFields } from "./core/content-hash";
import { toIsoDatetime } from "./core/cursor";
import { decideLead, leadsRetiredByContacts } from "./core/lead-suppression";
import { flattenRecord, ownerName, text, type TPulledRecord } from "./core/pull-objects";
import { loadBySfIds, OBJECT_SPECS, type TCrmRow } from "./crm-tables";
import { retireLeadsForContacts } from "./retire-leads";

export type TApplySource = "pull" | "outbound";
/** `fresh`: rows this page brought that Tandem had never seen (first-load progress), not in the summary. */
export type TObjectCounts = {
  created: number;
  updated: number;
  deleted: number;
  unchanged: number;
  suppressed: number;
  fresh: number;
};

export function emptyCounts(): TObjectCounts {
  return { created: 0, updated: 0, deleted: 0, unchanged: 0, suppressed: 0, fresh: 0 };
}

const SOURCE_WORDS: Record<TApplySource, string> = { pull: "a pull", outbound: "an outbound message" };

/**
 * Applies one page of pulled records in one transaction, together with whatever the caller
 * needs committed with it (the cursor): a crash loses nothing and repeats nothing. Idempotent:
 * a record whose content hash is unchanged is counted and left alone.
 */
export async function applyPulledPage(
  db: TDatabase,
  input: { object: TSyncObject; records: TPulledRecord[]; now: number; source: TApplySource },
  commitWith?: (tx: TTransaction, counts: TObjectCounts) => Promise<void>,
): Promise<TObjectCounts> {
  return db.transaction(async (tx) => {
    const counts = await applyRecords(tx, input);
    if (commitWith) await commitWith(tx, counts);
    return counts;
  });
}

async function applyRecords(
  tx: TTransaction,
  input: { object: TSyncObject; records: TPulledRecord[]; now: number; source: TApplySource },
) {
  const { object, records, now, source } = input;
  const spec = OBJECT_SPECS[object];
  const counts = emptyCounts();
  const activity: TActivityEntry[] = [];
  const existing = await loadBySfIds(
    tx,
    spec.table,
    records.map((record) => record.Id),
  );
  const leadContext = object === "Lead" ? await loadLeadContext(tx, records) : null;
  const appliedPeople: Array<{ id: string; sfId: string; emailNormalized: string | null }> = [];
  const appliedAccounts: Array<{ id: string; domainNormalized: string | null }> = [];
  const table = spec.table as typeof crmPeople; // shared columns; see crm-tables.ts
  const inserts: Array<typeof crmPeople.$inferInsert> = [];

  for (const record of records) {
    const current = existing.get(record.Id);
    if (!current && !leadContext?.suppressed.has(record.Id)) counts.fresh += 1;
    if (record.IsDeleted === true || record.IsDeleted === "true") {
      if (current && current.state !== "deleted" && current.state !== "merged") {
        await removeRecord(tx, spec.recordType, table, current, record, now, activity);
        counts.deleted += 1;
      }
      continue;
    }
    if (current && isOlder(text(record, "SystemModstamp"), current.systemModstamp ?? null)) {
      // An out-of-order delivery (outbound messages promise no order) never rolls a record back.
      counts.unchanged += 1;
      continue;
    }
    const columns = spec.columns(record);
    if (leadContext) {
      const decision = decideLead(
        {
          sfId: record.Id,
          emailNormalized: (columns.emailNormalized as string | null) ?? null,
          isConverted: Boolean(columns.isConverted),
          convertedContactSfId: (columns.convertedContactSfId as string | null) ?? null,
        },
        { suppressed: leadContext.suppressed.get(record.Id), contactSfIdByEmail: leadContext.contactSfIdByEmail },
      );
      if (decision.action === "suppress") {
        counts.suppressed += 1;
        if (!leadContext.suppressed.has(record.Id)) {
          await tx
            .insert(suppressedLeads)
            .values({
              leadSfId: record.Id,
              reason: decision.reason,
              contactSfId: decision.contactSfId,
              email: text(record, "Email"),
              suppressedAt: now,
            })
            .onConflictDoNothing();
          leadContext.suppressed.set(record.Id, { reason: decision.reason, contactSfId: decision.contactSfId });
        }
        if (current && current.state === "active") {
          await retireLeadsForContacts(
            tx,
            [{ lead: { id: current.id, sfId: record.Id }, contactSfId: decision.contactSfId, reason: decision.reason }],
            now,
            activity,
          );
        }
        continue;
      }
    }

    const fields = flattenRecord(record);
    const hash = contentHash(fields);
    const common = {
      ...columns,
      fields,
      ownerSfId: text(record, "OwnerId"),
      ownerName: ownerName(record),
      systemModstamp: text(record, "SystemModstamp"),
      contentHash: hash,
      sfCreatedAt: text(record, "CreatedDate"),
      updatedAt: now,
    };
    if (!current) {
      const id = newId(now);
      inserts.push({
        id,
        sfId: record.Id,
        source,
        state: "active",
        createdAt: now,
        mergedIntoId: null,
        ...common,
      } as typeof crmPeople.$inferInsert);
      activity.push({
        recordType: spec.recordType,
        recordId: id,
        at: now,
        event: source === "pull" ? "created-by-pull" : "created-by-outbound",
        message: `Created from Salesforce by ${SOURCE_WORDS[source]}.`,
        details: { sfId: record.Id },
      });
      counts.created += 1;
      collectMatchKeys(spec.recordType, id, record.Id, columns, appliedPeople, appliedAccounts);
      continue;
    }
    if (current.contentHash === hash && current.state === "active") {
      counts.unchanged += 1;
      continue;
    }
    await tx
      .update(table)
      .set({ ...common, state: "active", mergedIntoId: null } as Partial<typeof crmPeople.$inferInsert>)
      .where(eq(table.id, current.id));
    const changes = diffFields(current.fields ?? {}, fields);
    const restored = current.state !== "active";
    activity.push({
      recordType: spec.recordType,
      recordId: current.id,
      at: now,
      event: restored ? "restored-by-pull" : "updated-by-pull",
      message: restored
        ? `Back in Salesforce (it was ${current.state}); updated by ${SOURCE_WORDS[source]}.`
        : `Updated by ${SOURCE_WORDS[source]}: ${Object.keys(changes).join(", ") || "no visible field"} changed.`,
      details: { changes },
    });
    counts.updated += 1;
    collectMatchKeys(spec.recordType, current.id, record.Id, columns, appliedPeople, appliedAccounts);
  }

  // Multi-row inserts: a few statements per page instead of one per record.
  await bulkInsert(tx, table, inserts);
  if (object === "Contact" && appliedPeople.length > 0) await retireShownLeads(tx, appliedPeople, now, activity);
  await recordActivity(tx, activity);
  if (appliedPeople.length > 0 || appliedAccounts.length > 0) {
    await markProspectsInCrm(tx, { people: appliedPeople, accounts: appliedAccounts }, now);
  }
  return counts;
}

function isOlder(incoming: string | null, stored: string | null): boolean {
  if (!incoming || !stored) return false;
  return Date.parse(toIsoDatetime(incoming)) < Date.parse(toIsoDatetime(stored));
}

function collectMatchKeys(
  recordType: string,
  id: string,
  sfId: string,
  columns: Record<string, unknown>,
  people: Array<{ id: string; sfId: string; emailNormalized: string | null }>,
  accounts: Array<{ id: string; domainNormalized: string | null }>,
) {
  if (recordType === "person")
    people.push({ id, sfId, emailNormalized: (columns.emailNormalized as string | null) ?? null });
  if (recordType === "account")
    accounts.push({ id, domainNormalized: (columns.domainNormalized as string | null) ?? null });
}

async function loadLeadContext(tx: TTransaction, records: TPulledRecord[]) {
  const ids = records.map((record) => record.Id);
  const suppressedRows = ids.length
    ? await tx.select().from(suppressedLeads).where(inArray(suppressedLeads.leadSfId, ids))
    : [];
  const emails = [
    ...new Set(
      records
        .map((record) => OBJECT_SPECS.Lead.columns(record).emailNormalized as string | null)
        .filter((email): email is string => Boolean(email)),
    ),
  ];
  const contactSfIdByEmail = new Map<string, string>();
  for (let start = 0; start < emails.length; start += 500) {
    // Filtered here, not in SQL: with kind/state in the WHERE, SQLite prefers the kind index and
    // scans every contact instead of looking the emails up.
    const rows = await tx
      .select({
        sfId: crmPeople.sfId,
        emailNormalized: crmPeople.emailNormalized,
        kind: crmPeople.kind,
        state: crmPeople.state,
      })
      .from(crmPeople)
      .where(inArray(crmPeople.emailNormalized, emails.slice(start, start + 500)));
    for (const row of rows)
      if (row.kind === "contact" && row.state === "active" && row.emailNormalized && row.sfId)
        contactSfIdByEmail.set(row.emailNormalized, row.sfId);
  }
  return {
    suppressed: new Map(
      suppressedRows.map((row) => [row.leadSfId, { reason: row.reason, contactSfId: row.contactSfId }]),
    ),
    contactSfIdByEmail,
  };
}

/** PULL-4, other order: contacts that arrive after their lead was shown retire that lead. */
async function retireShownLeads(
  tx: TTransaction,
  contacts: Array<{ id: string; sfId: string; emailNormalized: string | null }>,
  now: number,
  activity: TActivityEntry[],
) {
  const emails = [
    ...new Set(contacts.map((contact) => contact.emailNormalized).filter((email): email is string => Boolean(email))),
  ];
  const sfIds = contacts.map((contact) => contact.sfId);
  const shown = new Map<
    string,
    { id: string; sfId: string | null; emailNormalized: string | null; convertedContactSfId: string | null }
  >();
  const columns = {
    id: crmPeople.id,
    sfId: crmPeople.sfId,
    emailNormalized: crmPeople.emailNormalized,
    convertedContactSfId: crmPeople.convertedContactSfId,
    kind: crmPeople.kind,
    state: crmPeople.state,
  };
  // Two index lookups, filtered here: an OR, or kind/state in the WHERE, makes SQLite scan everyone.
  const keep = (row: {
    kind: string;
    state: string;
    id: string;
    sfId: string | null;
    emailNormalized: string | null;
    convertedContactSfId: string | null;
  }) => {
    if (row.kind === "lead" && row.state === "active") shown.set(row.id, row);
  };
  for (let start = 0; start < emails.length; start += 500) {
    (
      await tx
        .select(columns)
        .from(crmPeople)
        .where(inArray(crmPeople.emailNormalized, emails.slice(start, start + 500)))
    ).forEach(keep);
  }
  for (let start = 0; start < sfIds.length; start += 500) {
    (
      await tx
        .select(columns)
        .from(crmPeople)
        .where(inArray(crmPeople.convertedContactSfId, sfIds.slice(start, start + 500)))
    ).forEach(keep);
  }
  if (shown.size === 0) return;
  const retired = leadsRetiredByContacts(
    contacts,
    [...shown.values()].filter((lead): lead is typeof lead & { sfId: string } => Boolean(lead.sfId)),
  );
  for (const entry of retired) {
    await tx
      .insert(suppressedLeads)
      .values({
        leadSfId: entry.lead.sfId,
        reason: entry.reason,
        contactSfId: entry.contact.sfId,
        email: entry.lead.emailNormalized,
        suppressedAt: now,
      })
      .onConflictDoNothing();
  }
  await retireLeadsForContacts(
    tx,
    retired.map((entry) => ({ lead: entry.lead, contactSfId: entry.contact.sfId, reason: entry.reason })),
    now,
    activity,
  );
}

/** Deleted or merged in Salesforce: the record leaves every view; merged ones point at their master. */
async function removeRecord(
  tx: TTransaction,
  recordType: "person" | "account" | "opportunity",
  table: typeof crmPeople,
  current: TCrmRow,
  record: TPulledRecord,
  now: number,
  activity: TActivityEntry[],
) {
  const masterSfId = text(record, "MasterRecordId");
  if (masterSfId) {
    const [master] = await tx.select({ id: table.id }).from(table).where(eq(table.sfId, masterSfId));
    await tx
      .update(table)
      .set({
        state: "merged",
        mergedIntoId: master?.id ?? null,
        systemModstamp: text(record, "SystemModstamp"),
        updatedAt: now,
      })
      .where(eq(table.id, current.id));
    activity.push({
      recordType,
      recordId: current.id,
      at: now,
      event: "merged-in-salesforce",
      message: `Merged into another record in Salesforce (${masterSfId}).`,
      details: { masterSfId, masterId: master?.id ?? null },
    });
    if (master) {
      activity.push({
        recordType,
        recordId: master.id,
        at: now,
        event: "absorbed-merge",
        message: `${current.name} was merged into this record in Salesforce.`,
        details: { mergedId: current.id, mergedSfId: current.sfId },
      });
    }
    return;
  }
  await tx
    .update(table)
    .set({ state: "deleted", systemModstamp: text(record, "SystemModstamp"), updatedAt: now })
    .where(eq(table.id, current.id));
  activity.push({
    recordType,
    recordId: current.id,
    at: now,
    event: "deleted-in-salesforce",
    message: "Deleted in Salesforce.",
    details: { sfId: current.sfId },
  });
}
