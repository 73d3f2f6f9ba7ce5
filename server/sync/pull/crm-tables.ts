import type { InStatement } from "@libsql/client";
import { eq, inArray, type InferInsertModel } from "drizzle-orm";
import type { SQLiteTable, SQLiteUpdateSetSource } from "drizzle-orm/sqlite-core";
import { buildInsertStatements } from "@/db/bulk-insert";
import type { TDatabase } from "@/db/client";
import { crmAccounts, crmOpportunities, crmPeople } from "@/db/schema";
import { toStatement } from "@/db/statements";
import type { TStoredRecord } from "../core/pulled-page-input";
import type { TPulledInsert, TPulledUpdateValues, TRemovalValues } from "../core/pulled-page-plan";
import type { TCrmRecordType, TSyncObject } from "../core/sync-objects";
import { selectInChunks } from "./select-in-chunks";

/** Where each kind of CRM record is stored: the one registry of CRM tables. */
export const CRM_TABLES = {
  person: crmPeople,
  account: crmAccounts,
  opportunity: crmOpportunities,
} as const satisfies Record<TCrmRecordType, SQLiteTable>;

export type TCrmTable = (typeof CRM_TABLES)[TCrmRecordType];
/** The statements that write one object's pulled rows, typed by that object's table. */
export type TCrmRowWriter<O extends TSyncObject> = {
  insert: (rows: ReadonlyArray<TPulledInsert<O>>, options: { rowsAsJson: boolean }) => InStatement[];
  update: (db: TDatabase, id: string, values: TPulledUpdateValues<O> | TRemovalValues) => InStatement;
};

function rowWriter<TTable extends TCrmTable>(table: TTable) {
  return {
    insert: (rows: ReadonlyArray<InferInsertModel<TTable>>, options: { rowsAsJson: boolean }) =>
      buildInsertStatements(table, rows, options),
    update: (db: TDatabase, id: string, values: SQLiteUpdateSetSource<TTable>) =>
      toStatement(db.update(table).set(values).where(eq(table.id, id))),
  };
}

const peopleWriter = rowWriter(crmPeople);

/**
 * One writer per object, each checked against its own table: the plan's rows for that object must
 * fit the table's columns (drizzle cannot type a write to a union of tables).
 */
export const CRM_ROW_WRITERS: { [O in TSyncObject]: TCrmRowWriter<O> } = {
  Account: rowWriter(crmAccounts),
  Contact: peopleWriter,
  Lead: peopleWriter,
  Opportunity: rowWriter(crmOpportunities),
};

/** What planning a pulled page reads of a stored record. */
function storedColumns(table: TCrmTable) {
  return {
    id: table.id,
    sfId: table.sfId,
    state: table.state,
    contentHash: table.contentHash,
    systemModstamp: table.systemModstamp,
    fields: table.fields,
    name: table.name,
  };
}

/** The stored rows of some Salesforce Ids, in the table of `recordType`. */
export async function loadStoredRecords(
  db: TDatabase,
  recordType: TCrmRecordType,
  sfIds: readonly string[],
): Promise<Array<TStoredRecord & { sfId: string }>> {
  const table: TCrmTable = CRM_TABLES[recordType];
  const rows = await selectInChunks(sfIds, (slice) =>
    db.select(storedColumns(table)).from(table).where(inArray(table.sfId, slice)),
  );
  return rows.flatMap((row) => (row.sfId ? [{ ...row, sfId: row.sfId }] : []));
}

/** PUSH-2: records created in Tandem and not linked yet, by Tandem id (a pulled Tandem_Id__c). */
export async function loadTandemRecords(
  db: TDatabase,
  recordType: TCrmRecordType,
  ids: readonly string[],
): Promise<TStoredRecord[]> {
  const table: TCrmTable = CRM_TABLES[recordType];
  const rows = await selectInChunks(ids, (slice) =>
    db.select(storedColumns(table)).from(table).where(inArray(table.id, slice)),
  );
  return rows.filter((row) => row.sfId === null);
}
