import { and, eq, inArray } from "drizzle-orm";
import type { TTransaction } from "@/db/client";
import { activityLog, crmPeople, prospects } from "@/db/schema";
import type { TActivityEntry } from "@/server/activity/record-activity";

const REASONS = {
  converted: "it was converted into this contact",
  "email-match": "a contact with the same email exists",
} as const;

/**
 * PULL-4: a lead shown earlier gives way to its contact. The lead is retired (kept, hidden), its
 * Tandem history and prospect links move to the contact, and both logs say why.
 */
export async function retireLeadsForContacts(
  tx: TTransaction,
  entries: Array<{
    lead: { id: string; sfId: string };
    contactSfId: string | null;
    reason: "converted" | "email-match";
  }>,
  now: number,
  activity: TActivityEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  const contactSfIds = [
    ...new Set(entries.map((entry) => entry.contactSfId).filter((id): id is string => Boolean(id))),
  ];
  const contacts = contactSfIds.length
    ? await tx
        .select({ id: crmPeople.id, sfId: crmPeople.sfId })
        .from(crmPeople)
        .where(and(eq(crmPeople.kind, "contact"), inArray(crmPeople.sfId, contactSfIds)))
    : [];
  const contactIdBySfId = new Map(contacts.map((contact) => [contact.sfId, contact.id]));

  for (const entry of entries) {
    const contactId = entry.contactSfId ? contactIdBySfId.get(entry.contactSfId) : undefined;
    await tx
      .update(crmPeople)
      .set({ state: "retired", mergedIntoId: contactId ?? null, updatedAt: now })
      .where(eq(crmPeople.id, entry.lead.id));
    if (contactId) {
      await tx
        .update(activityLog)
        .set({ recordId: contactId })
        .where(and(eq(activityLog.recordType, "person"), eq(activityLog.recordId, entry.lead.id)));
      await tx
        .update(prospects)
        .set({ crmRecordId: contactId, updatedAt: now })
        .where(and(eq(prospects.crmRecordType, "person"), eq(prospects.crmRecordId, entry.lead.id)));
      activity.push({
        recordType: "person",
        recordId: contactId,
        at: now,
        event: "absorbed-lead",
        message: `Lead ${entry.lead.sfId} was retired in favour of this contact: ${REASONS[entry.reason]}. Its history moved here.`,
        details: { leadId: entry.lead.id, leadSfId: entry.lead.sfId, reason: entry.reason },
      });
    }
    activity.push({
      recordType: "person",
      recordId: entry.lead.id,
      at: now,
      event: "retired-as-lead",
      message: `Retired as a lead: ${REASONS[entry.reason]}${contactId ? "" : ` (contact ${entry.contactSfId ?? "unknown"} not pulled yet)`}.`,
      details: { contactSfId: entry.contactSfId, contactId: contactId ?? null, reason: entry.reason },
    });
  }
}
