import type { TDatabase } from "@/db/client";
import { mappedPullFields, resolveMapping } from "@/server/settings/field-mapping-settings";
import { readSetting } from "@/server/settings/settings-store";
import { pullFieldsOf } from "../core/pull-objects";
import type { TSyncObject } from "../core/sync-objects";

/**
 * The fields a pull asks for, per object, in this org: the usual ones, `Tandem_Id__c` where the
 * push's describe check found it (so a record Tandem created links back to it, PUSH-2), and the
 * fields the field mapping compares (MAP-4), as far as the org still has them.
 */
export async function pullFieldLists(db: TDatabase, orgId: string): Promise<(object: TSyncObject) => string[]> {
  const [info, stored] = await Promise.all([readSetting(db, "salesforce.pushInfo"), readSetting(db, "mapping.fields")]);
  const sameOrg = info && info.orgId === orgId ? info : null;
  const withTandemId = sameOrg?.tandemIdObjects ?? [];
  const resolved = resolveMapping(stored, sameOrg);
  // Before this org's first describe, standard fields only: a mapped custom field might not exist.
  const mapped = (object: TSyncObject) =>
    mappedPullFields(resolved, object).filter((field) => sameOrg || !field.endsWith("__c"));
  return (object) => pullFieldsOf(object, withTandemId, mapped(object));
}
