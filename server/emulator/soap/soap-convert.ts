import type { DmlOptions, OrgContext } from "../context";
import { createRecord, requireRecord, systemUpdate } from "../org/dml";
import { SfError, toSfError } from "../org/errors";
import { CONVERTED_LEAD_STATUS } from "../org/objects";
import { formatDate } from "../org/serialize";
import { textOf, type XmlNode } from "./soap-xml";
import type { Rec } from "../org/store";

export interface LeadConvertResult {
  accountId: string | null;
  contactId: string | null;
  leadId: string | null;
  opportunityId: string | null;
  success: boolean;
  errors: { fields: string[]; message: string; statusCode: string }[];
}

const CONVERTED_STATUSES = new Set([CONVERTED_LEAD_STATUS]);

function lastDayOfQuarter(ms: number): string {
  const d = new Date(ms);
  const q = Math.floor(d.getUTCMonth() / 3);
  return formatDate(Date.UTC(d.getUTCFullYear(), q * 3 + 3, 0));
}

function pick(lead: Rec, map: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [from, to] of Object.entries(map)) if (lead[from] != null) out[to] = lead[from];
  return out;
}

/**
 * SOAP convertLead(): makes (or reuses) an Account and a Contact, optionally an Opportunity, and
 * marks the Lead IsConverted with ConvertedAccountId/ConvertedContactId/ConvertedOpportunityId.
 */
export function convertOne(org: OrgContext, input: XmlNode, opts: DmlOptions): LeadConvertResult {
  const leadIdRaw = textOf(input.leadId) ?? "";
  try {
    return org.store.transaction(() => {
      const leads = org.store.requireTable("Lead");
      const { rec: lead } = requireRecord(org, leads, leadIdRaw);
      if (lead.IsConverted === true)
        throw new SfError(400, "CANNOT_UPDATE_CONVERTED_LEAD", "cannot reference converted lead", []);
      const status = textOf(input.convertedStatus);
      if (!status)
        throw new SfError(400, "REQUIRED_FIELD_MISSING", "Required field is missing: convertedStatus", [
          "convertedStatus",
        ]);
      if (!CONVERTED_STATUSES.has(status))
        throw new SfError(400, "INVALID_STATUS", `invalid convertedStatus: ${status}`, ["convertedStatus"]);
      const accountIdIn = textOf(input.accountId);
      const contactIdIn = textOf(input.contactId);
      if (contactIdIn && !accountIdIn)
        throw new SfError(400, "REQUIRED_FIELD_MISSING", "accountId must be specified if contactId is specified", [
          "accountId",
        ]);
      const ownerId = textOf(input.ownerId) || (lead.OwnerId as string);
      const dmlOpts = { ...opts, allowSave: true };
      const accountId = accountIdIn
        ? (requireRecord(org, org.store.requireTable("Account"), accountIdIn).rec.Id as string)
        : createRecord(
            org,
            "Account",
            {
              Name: lead.Company,
              OwnerId: ownerId,
              ...pick(lead, {
                Website: "Website",
                Phone: "Phone",
                Industry: "Industry",
                Street: "BillingStreet",
                City: "BillingCity",
                State: "BillingState",
                PostalCode: "BillingPostalCode",
                Country: "BillingCountry",
                NumberOfEmployees: "NumberOfEmployees",
              }),
            },
            dmlOpts,
          );
      let contactId: string;
      if (contactIdIn) {
        const contacts = org.store.requireTable("Contact");
        const existing = requireRecord(org, contacts, contactIdIn).rec;
        systemUpdate(
          org,
          contacts,
          existing,
          existing.LeadSource == null && lead.LeadSource != null ? { LeadSource: lead.LeadSource } : {},
          opts.userId,
        );
        contactId = existing.Id as string;
      } else {
        contactId = createRecord(
          org,
          "Contact",
          {
            AccountId: accountId,
            OwnerId: ownerId,
            ...pick(lead, {
              FirstName: "FirstName",
              LastName: "LastName",
              Email: "Email",
              Phone: "Phone",
              MobilePhone: "MobilePhone",
              Title: "Title",
              LeadSource: "LeadSource",
              Description: "Description",
              Street: "MailingStreet",
              City: "MailingCity",
              State: "MailingState",
              PostalCode: "MailingPostalCode",
              Country: "MailingCountry",
              HasOptedOutOfEmail: "HasOptedOutOfEmail",
            }),
          },
          dmlOpts,
        );
      }
      let opportunityId: string | null = null;
      if (textOf(input.doNotCreateOpportunity) !== "true") {
        opportunityId = createRecord(
          org,
          "Opportunity",
          {
            Name: textOf(input.opportunityName) || `${String(lead.Company ?? "")}-`,
            AccountId: accountId,
            OwnerId: ownerId,
            StageName: "Prospecting",
            CloseDate: lastDayOfQuarter(org.clock()),
            ...pick(lead, { LeadSource: "LeadSource" }),
          },
          dmlOpts,
        );
      }
      systemUpdate(
        org,
        leads,
        lead,
        {
          IsConverted: true,
          ConvertedDate: formatDate(org.clock()),
          Status: status,
          ConvertedAccountId: accountId,
          ConvertedContactId: contactId,
          ConvertedOpportunityId: opportunityId,
        },
        opts.userId,
      );
      return { accountId, contactId, leadId: lead.Id as string, opportunityId, success: true, errors: [] };
    });
  } catch (err) {
    const e = toSfError(err);
    return {
      accountId: null,
      contactId: null,
      leadId: null,
      opportunityId: null,
      success: false,
      errors: [{ fields: e.fields ?? [], message: e.message, statusCode: e.errorCode }],
    };
  }
}
