import { and, asc, eq } from "drizzle-orm";
import type { TDatabaseOrTransaction } from "@/db/client";
import { crmAccounts, crmPeople, prospects } from "@/db/schema";
import { prospectFilter } from "./prospect-filters";
import type { TProspectKind } from "./schemas";

/** One prospect as plain values (CSV- and JSON-ready): every column, its CRM link and flags. */
export type TProspectExportRow = {
  id: string;
  kind: TProspectKind;
  name: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  title: string | null;
  company: string | null;
  website: string | null;
  domain: string | null;
  phone: string | null;
  city: string | null;
  country: string | null;
  linkedinUrl: string | null;
  industry: string | null;
  /** The further imported columns, as a JSON object. */
  extra: string;
  source: "import" | "manual";
  importId: string | null;
  inCrm: boolean;
  crmRecordType: "person" | "account" | null;
  crmRecordId: string | null;
  /** The Salesforce Id of the CRM record this prospect matched, once it has one. */
  crmSalesforceId: string | null;
  inCrmSince: string | null;
  createdAt: string;
};

/**
 * Every prospect for `export prospects`, oldest first. PULL-3: prospects already in the CRM are
 * left out unless `includeInCrm` is set.
 */
export async function listProspectsForExport(
  db: TDatabaseOrTransaction,
  options: { kind?: TProspectKind; includeInCrm?: boolean } = {},
): Promise<TProspectExportRow[]> {
  const rows = await db
    .select({ prospect: prospects, personSfId: crmPeople.sfId, accountSfId: crmAccounts.sfId })
    .from(prospects)
    .leftJoin(crmPeople, and(eq(prospects.crmRecordType, "person"), eq(crmPeople.id, prospects.crmRecordId)))
    .leftJoin(crmAccounts, and(eq(prospects.crmRecordType, "account"), eq(crmAccounts.id, prospects.crmRecordId)))
    .where(prospectFilter({ kind: options.kind, inCrm: options.includeInCrm ? "include" : "exclude" }))
    .orderBy(asc(prospects.createdAt), asc(prospects.id));
  return rows.map(({ prospect, personSfId, accountSfId }) => ({
    id: prospect.id,
    kind: prospect.kind,
    name: prospect.name,
    firstName: prospect.firstName,
    lastName: prospect.lastName,
    email: prospect.email,
    title: prospect.title,
    company: prospect.company,
    website: prospect.website,
    domain: prospect.domainNormalized,
    phone: prospect.phone,
    city: prospect.city,
    country: prospect.country,
    linkedinUrl: prospect.linkedinUrl,
    industry: prospect.industry,
    extra: JSON.stringify(prospect.extra ?? {}),
    source: prospect.source,
    importId: prospect.importId,
    inCrm: prospect.crmRecordId !== null,
    crmRecordType: prospect.crmRecordType,
    crmRecordId: prospect.crmRecordId,
    crmSalesforceId: personSfId ?? accountSfId ?? null,
    inCrmSince: prospect.inCrmSince === null ? null : new Date(prospect.inCrmSince).toISOString(),
    createdAt: new Date(prospect.createdAt).toISOString(),
  }));
}
