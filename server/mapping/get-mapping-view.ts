import "server-only";
import { and, eq, isNotNull, sql } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { crmAccounts, crmPeople, prospects } from "@/db/schema";
import { getConnectionRow } from "@/server/salesforce/connection-store";
import {
  entryProblem,
  mappingPushEnabled,
  readFieldMapping,
  type TResolvedMapping,
} from "@/server/settings/field-mapping-settings";
import { readSetting } from "@/server/settings/settings-store";
import {
  isMappableField,
  MAPPED_OBJECTS,
  prospectKindOf,
  tandemFieldInfo,
  tandemFieldsFor,
  type TMappedObject,
} from "@/server/sync/core/field-mapping";
import type { TMappingView } from "./mapping-schemas";

/** The enrichment columns imports brought, per prospect kind (`extra` keys). */
export async function extraColumns(db: TDatabase, kind: "person" | "company"): Promise<string[]> {
  const rows = await db.all<{ key: string }>(
    sql`SELECT DISTINCT j.key AS key FROM ${prospects}, json_each(${prospects.extra}) AS j WHERE ${prospects.kind} = ${kind}`,
  );
  return rows.map((row) => row.key).filter(Boolean);
}

/** How many active records of an object, known to Salesforce, a prospect is linked to. */
export async function countLinkedRecords(db: TDatabase, object: TMappedObject): Promise<number> {
  if (object === "Account") {
    const [row] = await db
      .select({ count: sql<number>`count(DISTINCT ${crmAccounts.id})` })
      .from(prospects)
      .innerJoin(crmAccounts, eq(crmAccounts.id, prospects.crmRecordId))
      .where(and(eq(crmAccounts.state, "active"), isNotNull(crmAccounts.sfId)));
    return row?.count ?? 0;
  }
  const [row] = await db
    .select({ count: sql<number>`count(DISTINCT ${crmPeople.id})` })
    .from(prospects)
    .innerJoin(crmPeople, eq(crmPeople.id, prospects.crmRecordId))
    .where(
      and(
        eq(crmPeople.kind, object === "Lead" ? "lead" : "contact"),
        eq(crmPeople.state, "active"),
        isNotNull(crmPeople.sfId),
      ),
    );
  return row?.count ?? 0;
}

/**
 * MAP-1 for `/settings/mapping`: per object, its entries (each with why it cannot work, if it
 * cannot), the Tandem fields it can read (extras included), the Salesforce fields it can write
 * (from the last describe), whether push is on for its kind, and how many linked records it acts on.
 */
export async function getMappingView(db: TDatabase): Promise<TMappingView> {
  const [resolved, push, connection, personExtras, companyExtras] = await Promise.all([
    readFieldMapping(db),
    readSetting(db, "push.settings"),
    getConnectionRow(db),
    extraColumns(db, "person"),
    extraColumns(db, "company"),
  ]);
  const objects = await Promise.all(
    MAPPED_OBJECTS.map(async (object) => {
      const extras = prospectKindOf(object) === "person" ? personExtras : companyExtras;
      return {
        object,
        saved: resolved.saved[object],
        pushEnabled: mappingPushEnabled(push, object),
        linkedRecords: await countLinkedRecords(db, object),
        entries: describeEntries(resolved, object),
        tandemFields: tandemFieldsFor(object, extras),
        salesforceFields: [...(resolved.orgFields?.[object].values() ?? [])]
          .filter(isMappableField)
          .map(({ name, label, type, length, picklistValues }) => ({ name, label, type, length, picklistValues })),
      };
    }),
  );
  return {
    connected: connection?.status === "connected",
    checkedAt: resolved.orgFieldsCheckedAt,
    objects,
  };
}

function describeEntries(resolved: TResolvedMapping, object: TMappedObject) {
  return resolved.mapping[object].map((entry) => {
    const field = resolved.orgFields?.[object].get(entry.salesforce.toLowerCase());
    return {
      tandem: entry.tandem,
      salesforce: entry.salesforce,
      mode: entry.mode,
      tandemLabel: tandemFieldInfo(object, entry.tandem)?.label ?? entry.tandem,
      salesforceLabel: field?.label ?? entry.salesforce,
      salesforceType: field?.type ?? null,
      problem: entryProblem(resolved, object, entry),
    };
  });
}
