import type { prospects } from "@/db/schema";
import type { TProspect } from "./schemas";

/** The CRM record's page in Tandem. */
export function crmRecordHref(type: "person" | "account", id: string): string {
  return type === "person" ? `/people/${id}` : `/accounts/${id}`;
}

export function toProspectDto(row: typeof prospects.$inferSelect): TProspect {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    email: row.email,
    title: row.title,
    company: row.company,
    website: row.website,
    domain: row.domainNormalized,
    phone: row.phone,
    city: row.city,
    country: row.country,
    linkedinUrl: row.linkedinUrl,
    industry: row.industry,
    source: row.source,
    createdAt: row.createdAt,
    inCrm:
      row.crmRecordType && row.crmRecordId
        ? {
            type: row.crmRecordType,
            id: row.crmRecordId,
            since: row.inCrmSince ?? row.updatedAt,
            href: crmRecordHref(row.crmRecordType, row.crmRecordId),
          }
        : null,
  };
}
