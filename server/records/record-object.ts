import "server-only";
import { eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { crmPeople } from "@/db/schema";
import { syncObjectOf } from "@/server/sync/core/sync-objects";
import { CRM_TABLES } from "@/server/sync/pull/crm-tables";
import type { TRecordType, TSalesforceObject } from "./record-schemas";

/** The Salesforce object a record belongs to (a person is a Contact or a Lead); null when unknown. */
export async function salesforceObjectOf(
  db: TDatabase,
  type: TRecordType,
  id: string,
): Promise<TSalesforceObject | null> {
  if (type === "person") {
    const row = await db.select({ kind: crmPeople.kind }).from(crmPeople).where(eq(crmPeople.id, id)).get();
    return row ? syncObjectOf("person", row.kind) : null;
  }
  const table = CRM_TABLES[type];
  const row = await db.select({ id: table.id }).from(table).where(eq(table.id, id)).get();
  return row ? syncObjectOf(type, null) : null;
}
