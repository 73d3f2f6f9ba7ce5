/**
 * PULL-4: when a lead and a contact are the same person (same normalised email, or the lead was
 * converted into that contact), Tandem keeps the contact and not the lead. Pure decisions; the
 * engine applies them.
 */
export type TLeadFacts = {
  sfId: string;
  emailNormalized: string | null;
  isConverted: boolean;
  convertedContactSfId: string | null;
};

export type TLeadDecision =
  | { action: "keep" }
  | { action: "suppress"; reason: "converted" | "email-match"; contactSfId: string | null; rule: string };

export function decideLead(
  lead: TLeadFacts,
  context: {
    suppressed: { reason: "converted" | "email-match"; contactSfId: string | null } | undefined;
    contactSfIdByEmail: ReadonlyMap<string, string>;
  },
): TLeadDecision {
  if (context.suppressed) {
    return {
      action: "suppress",
      ...context.suppressed,
      rule: "already suppressed: a suppressed lead stays suppressed",
    };
  }
  if (lead.isConverted) {
    return {
      action: "suppress",
      reason: "converted",
      contactSfId: lead.convertedContactSfId,
      rule: "converted into a contact",
    };
  }
  const contactSfId = lead.emailNormalized ? context.contactSfIdByEmail.get(lead.emailNormalized) : undefined;
  if (contactSfId)
    return { action: "suppress", reason: "email-match", contactSfId, rule: "a contact has the same email" };
  return { action: "keep" };
}

export type TShownLead = {
  id: string;
  sfId: string;
  emailNormalized: string | null;
  convertedContactSfId: string | null;
};
export type TArrivingContact = { id: string; sfId: string; emailNormalized: string | null };

/** Leads already shown that an arriving contact replaces: the other order of PULL-4. */
export function leadsRetiredByContacts(
  contacts: readonly TArrivingContact[],
  shownLeads: readonly TShownLead[],
): Array<{ lead: TShownLead; contact: TArrivingContact; reason: "converted" | "email-match" }> {
  const bySfId = new Map(contacts.map((contact) => [contact.sfId, contact]));
  const byEmail = new Map<string, TArrivingContact>();
  for (const contact of contacts)
    if (contact.emailNormalized && !byEmail.has(contact.emailNormalized)) byEmail.set(contact.emailNormalized, contact);
  const retired: Array<{ lead: TShownLead; contact: TArrivingContact; reason: "converted" | "email-match" }> = [];
  for (const lead of shownLeads) {
    const converted = lead.convertedContactSfId ? bySfId.get(lead.convertedContactSfId) : undefined;
    if (converted) {
      retired.push({ lead, contact: converted, reason: "converted" });
      continue;
    }
    const sameEmail = lead.emailNormalized ? byEmail.get(lead.emailNormalized) : undefined;
    if (sameEmail) retired.push({ lead, contact: sameEmail, reason: "email-match" });
  }
  return retired;
}
