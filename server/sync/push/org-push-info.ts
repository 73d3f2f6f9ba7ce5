import type { TDatabase } from "@/db/client";
import type { SalesforcePort, TObjectDescribe } from "@/server/salesforce/port";
import { readSetting, writeSetting } from "@/server/settings/settings-store";
import type { TOrgPushInfo } from "@/server/settings/setting-keys";
import { isTextLikeField, MAPPED_OBJECTS, type TMappableField } from "../core/field-mapping";

/** The external Id field Tandem upserts by: Tandem's own record id. */
export const TANDEM_ID_FIELD = "Tandem_Id__c";

/** The objects push writes, and the one the check looks for Tandem_Id__c on. */
export const PUSH_OBJECTS = ["Account", "Contact", "Lead", "Opportunity", "Task", "Event"] as const;
const NOTE_OBJECTS = ["ContentNote", "Note"] as const;

/** A describe a day old is checked again; the settings page can check at once. */
const INFO_MAX_AGE_MS = 24 * 60 * 60_000;

function picklist(describe: TObjectDescribe | null | undefined, field: string) {
  const values = describe?.fields.find((f) => f.name === field)?.picklistValues ?? [];
  return values
    .filter((value) => value.active)
    .map((value) => ({ value: value.value, label: value.label, isDefault: value.defaultValue }));
}

/**
 * Describes the objects push writes (one composite call) and lists the org's active users (one
 * query), and stores what push needs: which objects carry Tandem_Id__c, enhanced notes or not,
 * the opportunity stages and lead statuses for the forms, and users to pick owners from.
 */
export async function checkOrgForPush(db: TDatabase, salesforce: SalesforcePort, now: number): Promise<TOrgPushInfo> {
  const described = await salesforce.describeObjects([...PUSH_OBJECTS, ...NOTE_OBJECTS]);
  const users = await salesforce.queryAll(
    `SELECT Id, Name, Email FROM User WHERE IsActive = true ORDER BY Name LIMIT 2000`,
  );
  const info: TOrgPushInfo = {
    checkedAt: now,
    orgId: salesforce.orgId,
    tandemIdObjects: PUSH_OBJECTS.filter((object) =>
      described.get(object)?.fields.some((field) => field.name === TANDEM_ID_FIELD && field.externalId),
    ),
    enhancedNotes: Boolean(described.get("ContentNote")),
    opportunityStages: picklist(described.get("Opportunity"), "StageName"),
    leadStatuses: picklist(described.get("Lead"), "Status"),
    users: users.records.map((user) => ({
      id: user.Id,
      name: typeof user.Name === "string" ? user.Name : user.Id,
      email: typeof user.Email === "string" ? user.Email : null,
    })),
    mappableFields: Object.fromEntries(
      MAPPED_OBJECTS.map((object) => [object, mappableFieldsOf(described.get(object))]),
    ),
  };
  await writeSetting(db, "salesforce.pushInfo", info);
  return info;
}

/** MAP-1: the text-like fields of an object (read-only ones too, so a mapping onto one is explained). */
function mappableFieldsOf(describe: TObjectDescribe | null | undefined): TMappableField[] {
  return (describe?.fields ?? [])
    .map((field) => ({
      name: field.name,
      label: field.label,
      type: field.type,
      length: field.length,
      updateable: field.updateable,
      picklistValues: field.picklistValues.filter((value) => value.active).map((value) => value.value),
    }))
    .filter(isTextLikeField)
    .sort((a, b) => a.label.localeCompare(b.label));
}

/** The stored facts, checked again when missing, stale, of another org, or older than field mapping. */
export async function ensureOrgPushInfo(db: TDatabase, salesforce: SalesforcePort, now: number) {
  const info = await readSetting(db, "salesforce.pushInfo");
  if (info && info.orgId === salesforce.orgId && now - info.checkedAt < INFO_MAX_AGE_MS && info.mappableFields)
    return info;
  return checkOrgForPush(db, salesforce, now);
}
