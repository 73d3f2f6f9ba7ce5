import type { DmlOptions, OrgContext } from "../context";
import { createRecord, requireRecord, systemUpdate } from "../org/dml";
import { SfError, toSfError } from "../org/errors";
import { formatDate } from "../org/serialize";
import { textOf, type XmlNode } from "./soap-xml";
import type { Rec, Table } from "../org/store";

export interface LeadConvertResult {
  accountId: string | null;
  contactId: string | null;
  leadId: string | null;
  opportunityId: string | null;
  success: boolean;
  errors: { fields: string[]; message: string; statusCode: string }[];
}

/** Standard lead fields and the account fields conversion maps them to. */
const LEAD_TO_ACCOUNT: Record<string, string> = {
  Website: "Website",
  Phone: "Phone",
  Industry: "Industry",
  Street: "BillingStreet",
  City: "BillingCity",
  State: "BillingState",
  PostalCode: "BillingPostalCode",
  Country: "BillingCountry",
  NumberOfEmployees: "NumberOfEmployees",
};

/** Standard lead fields and the contact fields conversion maps them to. */
const LEAD_TO_CONTACT: Record<string, string> = {
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
};

/**
 * The Status picklist value a convertedStatus names: a LeadStatus marked IsConverted, by its label
 * or its API name. Null when there is none.
 */
function convertedStatusValue(org: OrgContext, status: string): string | null {
  const statuses = org.store.table("LeadStatus");
  for (const rec of statuses?.byId.values() ?? []) {
    if (rec.IsConverted === true && (rec.MasterLabel === status || rec.ApiName === status)) return String(rec.ApiName);
  }
  return null;
}

function lastDayOfQuarter(ms: number): string {
  const d = new Date(ms);
  const q = Math.floor(d.getUTCMonth() / 3);
  return formatDate(Date.UTC(d.getUTCFullYear(), q * 3 + 3, 0));
}

function pick(lead: Rec, map: Record<string, string>): Rec {
  const out: Rec = {};
  for (const [from, to] of Object.entries(map)) if (lead[from] != null) out[to] = lead[from];
  return out;
}

/**
 * Merging into an existing record writes only its empty fields: "existing data (including IDs)
 * aren't overwritten" (convertLead() reference). A boolean is never empty.
 */
function fillEmpty(table: Table, target: Rec, values: Rec): Rec {
  const out: Rec = {};
  for (const [name, value] of Object.entries(values)) {
    if (table.def.byLowerName.get(name.toLowerCase())?.type === "boolean") continue;
    if (target[name] == null || target[name] === "") out[name] = value;
  }
  return out;
}

/**
 * SOAP convertLead(): makes (or reuses, filling its empty fields) an Account and a Contact,
 * optionally an Opportunity, and marks the Lead IsConverted with ConvertedDate and
 * ConvertedAccountId/ConvertedContactId/ConvertedOpportunityId.
 */
export function convertOne(org: OrgContext, input: XmlNode, opts: DmlOptions): LeadConvertResult {
  const leadIdRaw = textOf(input.leadId) ?? "";
  try {
    return org.store.transaction(() => {
      const leads = org.store.requireTable("Lead");
      const { rec: lead } = requireRecord(org, leads, leadIdRaw);
      if (lead.IsConverted === true)
        throw new SfError(400, "CANNOT_UPDATE_CONVERTED_LEAD", "cannot reference converted lead", []);
      const requested = textOf(input.convertedStatus);
      if (!requested)
        throw new SfError(400, "REQUIRED_FIELD_MISSING", "Required field is missing: convertedStatus", [
          "convertedStatus",
        ]);
      const status = convertedStatusValue(org, requested);
      if (!status)
        throw new SfError(400, "INVALID_STATUS", `invalid convertedStatus: ${requested}`, ["convertedStatus"]);
      const accountIdIn = textOf(input.accountId);
      const contactIdIn = textOf(input.contactId);
      if (contactIdIn && !accountIdIn)
        throw new SfError(400, "REQUIRED_FIELD_MISSING", "accountId must be specified if contactId is specified", [
          "accountId",
        ]);
      const ownerId = textOf(input.ownerId) || (lead.OwnerId as string);
      const dmlOpts = { ...opts, allowSave: true };
      let accountId: string;
      if (accountIdIn) {
        const accounts = org.store.requireTable("Account");
        const existing = requireRecord(org, accounts, accountIdIn).rec;
        systemUpdate(org, accounts, existing, fillEmpty(accounts, existing, pick(lead, LEAD_TO_ACCOUNT)), opts.userId);
        accountId = existing.Id as string;
      } else {
        accountId = createRecord(
          org,
          "Account",
          { Name: lead.Company, OwnerId: ownerId, ...pick(lead, LEAD_TO_ACCOUNT) },
          dmlOpts,
        );
      }
      let contactId: string;
      if (contactIdIn) {
        const contacts = org.store.requireTable("Contact");
        const existing = requireRecord(org, contacts, contactIdIn).rec;
        const changes = fillEmpty(contacts, existing, { AccountId: accountId, ...pick(lead, LEAD_TO_CONTACT) });
        // overwriteLeadSource is the one documented exception to "only empty fields".
        if (textOf(input.overwriteLeadSource) === "true" && lead.LeadSource != null)
          changes.LeadSource = lead.LeadSource;
        systemUpdate(org, contacts, existing, changes, opts.userId);
        contactId = existing.Id as string;
      } else {
        contactId = createRecord(
          org,
          "Contact",
          { AccountId: accountId, OwnerId: ownerId, ...pick(lead, LEAD_TO_CONTACT) },
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
