import type { Client } from "@libsql/client";
import { quoteIdentifier } from "./backup-types";
import { formatValue } from "./dump-values";
import { listSchema } from "./list-schema";
import { rebuildSearchIndexStatement } from "./search-index";
import type { TStagedBackup } from "./stage-backup";

const STAGING_SCHEMA = "tandem_staging";

/**
 * Replaces the target's whole content with the staged backup in ONE transaction: either all of
 * the backup is there afterwards, or the target is as it was. It drops the target's tables and
 * views, creates the backup's tables from their own SQL, copies each staging table in (rowids
 * kept), sets the AUTOINCREMENT counters, then creates search indexes (rebuilt from their content
 * tables), indexes, triggers and views, so that no trigger fires on restored rows. Foreign keys are off for the swap, as for a migration (rows
 * arrive table by table). The copy runs inside the database, so the write lock is held only for it.
 *
 * `stagingFile`: for a `file:` target the rows were staged in a file of their own, attached for
 * the copy, so the target never holds them twice (dropped tables' pages are reused by the copy in
 * the same transaction). A server has no file to attach: there the staging tables are the
 * target's own, dropped by the swap, and their pages are free space the server reuses.
 */
export async function swapInBackup(target: Client, backup: TStagedBackup, stagingFile: string | null): Promise<void> {
  const current = await listSchema(target);
  const statements: string[] = [];
  for (const object of current.objects) {
    if (object.type === "view") statements.push(`DROP VIEW IF EXISTS ${quoteIdentifier(object.name)}`);
  }
  for (const object of current.objects) {
    if (object.type === "trigger") statements.push(`DROP TRIGGER IF EXISTS ${quoteIdentifier(object.name)}`);
  }
  // Dropping a virtual table drops its shadow tables with it.
  for (const object of current.objects) {
    if (object.type === "virtual") statements.push(`DROP TABLE IF EXISTS ${quoteIdentifier(object.name)}`);
  }
  for (const table of current.tables) statements.push(`DROP TABLE IF EXISTS ${quoteIdentifier(table.name)}`);
  if (current.hasSequence) statements.push("DELETE FROM sqlite_sequence");

  const tables = backup.objects.filter((object) => object.type === "table");
  for (const table of tables) statements.push(table.sql);
  const from = (staging: string) =>
    stagingFile ? `${STAGING_SCHEMA}.${quoteIdentifier(staging)}` : quoteIdentifier(staging);
  for (const { table, staging } of backup.staged) {
    const columns = [...(table.rowid ? [table.rowid] : []), ...table.columns];
    const stagingColumns = columns.map((_, index) => `c${index}`).join(", ");
    statements.push(
      `INSERT INTO main.${quoteIdentifier(table.name)} (${columns.map(quoteIdentifier).join(", ")}) ` +
        `SELECT ${stagingColumns} FROM ${from(staging)} ORDER BY rowid`,
    );
  }

  // Inserting rows with explicit ids already moved the counters; the backup's may be higher.
  const names = new Set(tables.map((table) => table.name));
  const sequence = backup.sequence.filter(([name]) => typeof name === "string" && names.has(name));
  const sequenceExists = current.hasSequence || tables.some((table) => /\bAUTOINCREMENT\b/i.test(table.sql));
  if (sequenceExists && sequence.length > 0) {
    statements.push("DELETE FROM sqlite_sequence");
    for (const [name, seq] of sequence) {
      statements.push(
        `INSERT INTO sqlite_sequence (name, seq) VALUES (${formatValue(name!)}, ${formatValue(seq ?? null)})`,
      );
    }
  }
  for (const object of backup.objects) {
    if (object.type === "table") continue;
    statements.push(object.sql);
    if (object.type === "virtual") statements.push(rebuildSearchIndexStatement(object.name));
  }

  if (!stagingFile) {
    for (const { staging } of backup.staged) statements.push(`DROP TABLE ${quoteIdentifier(staging)}`);
    await target.migrate(statements);
    return;
  }
  // ATTACH cannot happen inside a transaction, and a pooled client runs each call on any of its
  // connections: one script keeps the attachment, the transaction and the copy on one connection.
  // A failing statement stops the script; the client then rolls the open transaction back.
  await target.executeMultiple(
    [
      "PRAGMA foreign_keys = OFF",
      `ATTACH ${formatValue(stagingFile)} AS ${STAGING_SCHEMA}`,
      "BEGIN IMMEDIATE",
      ...statements,
      "COMMIT",
      `DETACH ${STAGING_SCHEMA}`,
      "PRAGMA foreign_keys = ON",
    ].join(";\n") + ";",
  );
}
