import "server-only";
import type { crmAccounts } from "@/db/schema";
import { salesforceRecordUrl, type TRecordsWorkspace } from "./get-records-workspace";
import type { TField } from "./profile-schemas";
import type { TRecordLink, TSalesforceObject } from "./record-schemas";
import { currencyOf, salesforceFieldsOf, type TYPED_FIELDS, typedField } from "./salesforce-fields";

/** The columns every CRM table shares (see crmColumns in db/schema.ts). */
type TCrmRow = Pick<
  typeof crmAccounts.$inferSelect,
  | "id"
  | "sfId"
  | "fields"
  | "ownerName"
  | "ownerSfId"
  | "source"
  | "state"
  | "sfCreatedAt"
  | "systemModstamp"
  | "updatedAt"
> & { name: string };

/** The parts of a profile every object shares; `summary` is the object's own typed fields. */
export function profileBase(
  row: TCrmRow,
  object: TSalesforceObject,
  type: keyof typeof TYPED_FIELDS,
  workspace: TRecordsWorkspace,
  summary: TField[],
  survivor: TRecordLink | null,
) {
  return {
    id: row.id,
    name: row.name,
    object,
    source: row.source,
    state: row.state,
    owner: row.ownerName ?? row.ownerSfId,
    sfId: row.sfId,
    // A record deleted or merged away in Salesforce has no page there any more.
    salesforceUrl:
      row.state === "deleted" || row.state === "merged" ? null : salesforceRecordUrl(workspace, object, row.sfId),
    updatedAt: row.updatedAt,
    survivor,
    currency: currencyOf(row.fields),
    summary: [
      ...summary,
      typedField("owner", "Owner", row.ownerName ?? row.ownerSfId),
      typedField("sfId", "Salesforce ID", row.sfId),
      typedField("sfCreatedAt", "Created in Salesforce", row.sfCreatedAt, "datetime"),
      typedField("systemModstamp", "Last changed in Salesforce", row.systemModstamp, "datetime"),
    ],
    salesforceFields: salesforceFieldsOf(row.fields, type),
  };
}
