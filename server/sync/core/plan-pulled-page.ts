import { APPLY_EVENTS, type TActivityEntry } from "./activity-events";
import { contentHash, diffFields } from "./content-hash";
import { toIsoDatetime } from "./cursor";
import { decideLead, leadsRetiredByContacts, type TLeadFacts } from "./lead-suppression";
import { planLeadRetirement } from "./plan-lead-retirement";
import { planPulledProspectMarks } from "./plan-prospect-marks";
import {
  bool,
  flattenRecord,
  mapAccount,
  mapOpportunity,
  mapPerson,
  ownerName,
  TANDEM_ID_FIELD,
  text,
  type TPulledRecord,
  VOLATILE_FIELDS,
} from "./pull-objects";
import type { TPulledPageExisting, TStoredRecord } from "./pulled-page-input";
import {
  emptyPageCounts,
  type TApplySource,
  type TMappedColumns,
  type TPlanContext,
  type TPulledCommonValues,
  type TPulledPagePlan,
  type TPulledRecordAction,
  type TRemovalValues,
} from "./pulled-page-plan";
import { withoutPendingColumns } from "./push-fields";
import { SYNC_OBJECT_SPECS, type TSyncObject } from "./sync-objects";

/** A record's columns, mapped once, with the keys PULL-3 and PULL-4 match on. */
type TMapped<O extends TSyncObject> = {
  columns: TMappedColumns[O];
  email: string | null;
  domain: string | null;
  lead: TLeadFacts | null;
};

const MAPPERS: { [O in TSyncObject]: (record: TPulledRecord) => TMapped<O> } = {
  Account: (record) => {
    const columns = mapAccount(record);
    return { columns, email: null, domain: columns.domainNormalized, lead: null };
  },
  Contact: (record) => {
    const columns = mapPerson(record, "contact");
    return { columns, email: columns.emailNormalized, domain: null, lead: null };
  },
  Lead: (record) => {
    const columns = mapPerson(record, "lead");
    const { emailNormalized, isConverted, convertedContactSfId } = columns;
    const lead = { sfId: record.Id, emailNormalized, isConverted, convertedContactSfId };
    return { columns, email: emailNormalized, domain: null, lead };
  },
  Opportunity: (record) => ({ columns: mapOpportunity(record), email: null, domain: null, lead: null }),
};

const SOURCE_WORDS: Record<TApplySource, string> = { pull: "a pull", outbound: "an outbound message" };

/**
 * Decides what one page of pulled records does to Tandem: which rows are created, updated or
 * restored, which are removed (deleted or merged, PULL-5), which are left alone (the same content,
 * or an older copy), which leads give way to their contacts (PULL-4, both orders), which
 * prospects are now in the CRM (PULL-3), and what each activity log says (DUP-2). Pure: the caller
 * reads what `pulledPageKeys` names first, and writes the plan in one transaction.
 */
export function planPulledPage<O extends TSyncObject>(
  existing: TPulledPageExisting,
  records: readonly TPulledRecord[],
  context: TPlanContext<O>,
): TPulledPagePlan<O> {
  const { object, source, now } = context;
  const recordType = SYNC_OBJECT_SPECS[object].recordType;
  const events = APPLY_EVENTS[source];
  const plan: TPulledPagePlan<O> = {
    object,
    now,
    actions: [],
    inserts: [],
    updates: [],
    removals: [],
    suppressions: [],
    retirements: [],
    prospectMarks: [],
    activity: [],
    counts: emptyPageCounts(),
  };
  const suppressed = new Map(existing.suppressedLeads);
  const written: Array<{ id: string; sfId: string; email: string | null; domain: string | null }> = [];
  const createdIdBySfId = new Map<string, string>();
  const merges: Array<{
    masterSfId: string;
    current: TStoredRecord;
    action: TPulledRecordAction;
    values: TRemovalValues;
  }> = [];
  const act = (
    record: TPulledRecord,
    recordId: string | null,
    decision: Omit<TPulledRecordAction, "sfId" | "recordId">,
  ) => {
    const action = { sfId: record.Id, recordId, ...decision };
    plan.actions.push(action);
    return action;
  };

  for (const record of records) {
    let current = existing.records.get(record.Id);
    let linked = false;
    if (!current) {
      // PUSH-2: Tandem's own create coming back before its push stored the outcome.
      const tandemId = text(record, TANDEM_ID_FIELD);
      const mine = tandemId ? existing.tandemRecords.get(tandemId) : undefined;
      if (mine && !mine.sfId) {
        current = mine;
        linked = true;
      }
    }
    if (!current && !suppressed.has(record.Id)) plan.counts.fresh += 1;
    const stamp = text(record, "SystemModstamp");

    if (bool(record, "IsDeleted")) {
      if (!current || current.state === "deleted" || current.state === "merged") {
        const reason = current
          ? `deleted in Salesforce and already ${current.state} here`
          : "deleted in Salesforce before Tandem stored it";
        act(record, current?.id ?? null, { kind: "already-removed", rule: "PULL-5", reason });
        continue;
      }
      plan.counts.deleted += 1;
      const masterSfId = text(record, "MasterRecordId");
      if (masterSfId) {
        // The master is looked up after the loop: it may be created further down this page.
        const values: TRemovalValues = { state: "merged", mergedIntoId: null, systemModstamp: stamp, updatedAt: now };
        plan.removals.push({ id: current.id, values });
        const action = act(record, current.id, { kind: "merged", rule: "PULL-5", reason: "merged in Salesforce" });
        merges.push({ masterSfId, current, action, values });
        continue;
      }
      plan.removals.push({ id: current.id, values: { state: "deleted", systemModstamp: stamp, updatedAt: now } });
      act(record, current.id, { kind: "deleted", rule: "PULL-5", reason: "deleted in Salesforce" });
      plan.activity.push({
        recordType,
        recordId: current.id,
        at: now,
        event: "deleted-in-salesforce",
        message: "Deleted in Salesforce.",
        details: { sfId: current.sfId },
      });
      continue;
    }

    if (current && isOlder(stamp, current.systemModstamp)) {
      // An out-of-order delivery (outbound messages promise no order) never rolls a record back.
      plan.counts.unchanged += 1;
      act(record, current.id, {
        kind: "stale-ignored",
        rule: "PULL-5",
        reason: "an older version than the one stored",
      });
      continue;
    }

    const mapped = MAPPERS[object](record);
    // A rep's edit still on its way to Salesforce keeps its columns; Salesforce's copy updates.
    const columns = current?.pendingFields
      ? withoutPendingColumns(object, mapped.columns, current.pendingFields)
      : mapped.columns;
    if (mapped.lead) {
      const decision = decideLead(mapped.lead, {
        suppressed: suppressed.get(record.Id),
        contactSfIdByEmail: existing.activeContactSfIdByEmail,
      });
      if (decision.action === "suppress") {
        const { reason, contactSfId } = decision;
        plan.counts.suppressed += 1;
        if (!suppressed.has(record.Id)) {
          const email = text(record, "Email");
          plan.suppressions.push({ leadSfId: record.Id, reason, contactSfId, email, suppressedAt: now });
          suppressed.set(record.Id, { reason, contactSfId });
        }
        if (current?.state !== "active") {
          act(record, current?.id ?? null, { kind: "suppressed", rule: "PULL-4", reason: decision.rule });
          continue;
        }
        const contactId = contactSfId ? (existing.contactIdBySfId.get(contactSfId) ?? null) : null;
        const retired = planLeadRetirement(
          { ...current, sfId: current.sfId ?? record.Id },
          { id: contactId, sfId: contactSfId },
          reason,
          now,
        );
        plan.retirements.push(retired.retirement);
        plan.activity.push(...retired.activity);
        act(record, current.id, {
          kind: "retired",
          rule: "PULL-4",
          reason: `${decision.rule}; the lead shown is retired`,
        });
        continue;
      }
    }

    const fields = flattenRecord(record);
    const hash = contentHash(fields);
    if (current && current.state === "active" && current.contentHash === null && echoes(current.fields, fields)) {
      // Tandem's own push coming back: nothing changed that Tandem did not write. Stored silently.
      plan.counts.unchanged += 1;
      const values = {
        ...columns,
        fields,
        ownerSfId: text(record, "OwnerId"),
        ownerName: ownerName(record),
        systemModstamp: stamp,
        contentHash: hash,
        sfCreatedAt: text(record, "CreatedDate"),
        updatedAt: now,
        state: "active" as const,
        mergedIntoId: null,
        ...(linked ? { sfId: record.Id, pushState: "pushed" as const } : {}),
      };
      plan.updates.push({ id: current.id, values });
      act(record, current.id, { kind: "unchanged", rule: "PUSH-2", reason: "Tandem's own push coming back" });
      if (linked) plan.activity.push(linkedEntry(recordType, current.id, record.Id, now));
      continue;
    }
    if (current && current.contentHash === hash && current.state === "active") {
      plan.counts.unchanged += 1;
      act(record, current.id, { kind: "unchanged", rule: "PULL-5", reason: "the same content as the stored copy" });
      continue;
    }
    const common: TPulledCommonValues = {
      fields,
      ownerSfId: text(record, "OwnerId"),
      ownerName: ownerName(record),
      systemModstamp: stamp,
      contentHash: hash,
      sfCreatedAt: text(record, "CreatedDate"),
      updatedAt: now,
      state: "active",
      mergedIntoId: null,
    };

    if (!current) {
      const id = context.newId();
      // A variable, not a literal in push(): TypeScript's excess-property check misreads an
      // intersection with a generic member.
      const row = { ...mapped.columns, ...common, id, sfId: record.Id, source, createdAt: now };
      plan.inserts.push(row);
      plan.counts.created += 1;
      act(record, id, { kind: "created", rule: "PULL-1", reason: "not in Tandem yet" });
      plan.activity.push({
        recordType,
        recordId: id,
        at: now,
        event: events.created,
        message: `Created from Salesforce by ${SOURCE_WORDS[source]}.`,
        details: { sfId: record.Id },
      });
      createdIdBySfId.set(record.Id, id);
      written.push({ id, sfId: record.Id, email: mapped.email, domain: mapped.domain });
      continue;
    }

    const restored = current.state !== "active";
    const changes = diffFields(current.fields, fields);
    const changed = Object.keys(changes).join(", ") || "no visible field";
    plan.updates.push({
      id: current.id,
      values: { ...columns, ...common, ...(linked ? { sfId: record.Id, pushState: "pushed" as const } : {}) },
    });
    if (linked) plan.activity.push(linkedEntry(recordType, current.id, record.Id, now));
    plan.counts.updated += 1;
    if (restored) {
      act(record, current.id, {
        kind: "restored",
        rule: "PULL-5",
        reason: `back in Salesforce after being ${current.state}`,
      });
    } else {
      act(record, current.id, { kind: "updated", rule: "PULL-1", reason: `changed in Salesforce: ${changed}` });
    }
    plan.activity.push({
      recordType,
      recordId: current.id,
      at: now,
      event: restored ? events.restored : events.updated,
      message: restored
        ? `Back in Salesforce (it was ${current.state}); updated by ${SOURCE_WORDS[source]}.`
        : `Updated by ${SOURCE_WORDS[source]}: ${changed} changed.`,
      details: { changes },
    });
    written.push({ id: current.id, sfId: record.Id, email: mapped.email, domain: mapped.domain });
  }

  for (const { masterSfId, current, action, values } of merges) {
    const masterId =
      existing.masterIdBySfId.get(masterSfId) ??
      existing.records.get(masterSfId)?.id ??
      createdIdBySfId.get(masterSfId) ??
      null;
    values.mergedIntoId = masterId;
    action.reason = `merged into ${masterSfId} in Salesforce${masterId ? "" : ", a record Tandem does not hold yet"}`;
    plan.activity.push({
      recordType,
      recordId: current.id,
      at: now,
      event: "merged-in-salesforce",
      message: `Merged into another record in Salesforce (${masterSfId}).`,
      details: { masterSfId, masterId },
    });
    if (!masterId) continue;
    plan.activity.push({
      recordType,
      recordId: masterId,
      at: now,
      event: "absorbed-merge",
      message: `${current.name} was merged into this record in Salesforce.`,
      details: { mergedId: current.id, mergedSfId: current.sfId },
    });
  }

  // PULL-4, the other order: contacts that arrive after their lead was shown retire that lead.
  if (object === "Contact" && written.length > 0 && existing.shownLeads.length > 0) {
    const contacts = written.map((contact) => ({ id: contact.id, sfId: contact.sfId, emailNormalized: contact.email }));
    for (const { lead, contact, reason } of leadsRetiredByContacts(contacts, existing.shownLeads)) {
      plan.suppressions.push({
        leadSfId: lead.sfId,
        reason,
        contactSfId: contact.sfId,
        email: lead.emailNormalized,
        suppressedAt: now,
      });
      const retired = planLeadRetirement(lead, contact, reason, now);
      plan.retirements.push(retired.retirement);
      plan.activity.push(...retired.activity);
    }
  }

  const people = recordType === "person" ? written.map((row) => ({ id: row.id, emailNormalized: row.email })) : [];
  const accounts = recordType === "account" ? written.map((row) => ({ id: row.id, domainNormalized: row.domain })) : [];
  if (people.length > 0 || accounts.length > 0) {
    const prospects = planPulledProspectMarks({ people, accounts }, existing.unlinkedProspects, now);
    plan.prospectMarks.push(...prospects.marks);
    plan.activity.push(...prospects.activity);
  }
  return plan;
}

/**
 * Whether a pulled record only repeats what Tandem pushed: every value Tandem holds for it (its
 * copy after the push) is the same in Salesforce. Fields Salesforce fills by itself do not count.
 */
function echoes(stored: Record<string, unknown>, pulled: Record<string, unknown>): boolean {
  for (const [key, value] of Object.entries(stored)) {
    if (VOLATILE_FIELDS.has(key) || value === null || value === undefined) continue;
    if (JSON.stringify(value) !== JSON.stringify(pulled[key] ?? null)) return false;
  }
  return true;
}

function linkedEntry(recordType: TActivityEntry["recordType"], id: string, sfId: string, now: number): TActivityEntry {
  return {
    recordType,
    recordId: id,
    at: now,
    event: "linked-by-pull",
    message: `Linked to its Salesforce record ${sfId}, which a pull found carrying this record's Tandem Id.`,
    details: { sfId },
  };
}

function isOlder(incoming: string | null, stored: string | null): boolean {
  if (!incoming || !stored) return false;
  return Date.parse(toIsoDatetime(incoming)) < Date.parse(toIsoDatetime(stored));
}
