import type { TActivityEntry } from "./activity-events";
import type { TLeadSuppressionReason } from "./pulled-page-input";

/** PULL-4: a shown lead gives way to its contact. */
export type TLeadRetirement = {
  leadId: string;
  leadSfId: string;
  /** Null while the contact is not in Tandem: the lead is retired, its history stays. */
  contactId: string | null;
  contactSfId: string | null;
  reason: TLeadSuppressionReason;
};

const REASONS: Record<TLeadSuppressionReason, string> = {
  converted: "it was converted into this contact",
  "email-match": "a contact with the same email exists",
};

/**
 * PULL-4: the lead is retired (kept, hidden); when its contact is in Tandem the lead's history and
 * prospect links move there (the applier does the moving), and both logs say why.
 */
export function planLeadRetirement(
  lead: { id: string; sfId: string },
  contact: { id: string | null; sfId: string | null },
  reason: TLeadSuppressionReason,
  now: number,
): { retirement: TLeadRetirement; activity: TActivityEntry[] } {
  const activity: TActivityEntry[] = [];
  if (contact.id) {
    activity.push({
      recordType: "person",
      recordId: contact.id,
      at: now,
      event: "absorbed-lead",
      message: `Lead ${lead.sfId} was retired in favour of this contact: ${REASONS[reason]}. Its history moved here.`,
      details: { leadId: lead.id, leadSfId: lead.sfId, reason },
    });
  }
  const notYet = contact.id ? "" : ` (contact ${contact.sfId ?? "unknown"} not pulled yet)`;
  activity.push({
    recordType: "person",
    recordId: lead.id,
    at: now,
    event: "retired-as-lead",
    message: `Retired as a lead: ${REASONS[reason]}${notYet}.`,
    details: { contactSfId: contact.sfId, contactId: contact.id, reason },
  });
  const retirement = { leadId: lead.id, leadSfId: lead.sfId, contactId: contact.id, contactSfId: contact.sfId, reason };
  return { retirement, activity };
}
