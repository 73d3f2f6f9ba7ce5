import type { InStatement } from "@libsql/client";
import type { TPairRow, TPairWrites } from "./plan-pair-writes";

/** Rows per upsert, so that no one request grows large. */
const ROWS_PER_UPSERT = 500;

/** The planned pair writes as statements (see TPairWrites for what each may change). */
export function pairWriteStatements(writes: TPairWrites, now: number): InStatement[] {
  const statements: InStatement[] = [];
  for (let start = 0; start < writes.upserts.length; start += ROWS_PER_UPSERT) {
    statements.push(upsertStatement(writes.upserts.slice(start, start + ROWS_PER_UPSERT)));
  }
  for (const reopen of writes.reopens) {
    statements.push({
      sql: `UPDATE duplicate_pairs SET state = 'open', a_signature = NULL, b_signature = NULL, decided_by = NULL,
          decided_at = NULL, updated_at = ?
        WHERE id = ? AND state IN ('dismissed', 'merged') AND (a_signature IS NOT ? OR b_signature IS NOT ?)`,
      args: [now, reopen.id, reopen.aSignature, reopen.bSignature],
    });
  }
  if (writes.closes.length) {
    statements.push({
      sql: "DELETE FROM duplicate_pairs WHERE id IN (SELECT value FROM json_each(?)) AND state IN ('open', 'later')",
      args: [JSON.stringify(writes.closes)],
    });
  }
  if (writes.removals.length) {
    statements.push({
      sql: "DELETE FROM duplicate_pairs WHERE id IN (SELECT value FROM json_each(?)) AND state <> 'merged'",
      args: [JSON.stringify(writes.removals)],
    });
  }
  return statements;
}

/** New pairs, and new scores and reasons of stored ones, as JSON rows: one statement text (see insertKeyStatements). */
function upsertStatement(rows: TPairRow[]): InStatement {
  const values = rows.map((row) => [
    row.id,
    row.entity,
    row.aType,
    row.aId,
    row.bType,
    row.bId,
    row.score,
    JSON.stringify(row.reasons),
    row.state,
    row.createdAt,
    row.updatedAt,
  ]);
  return {
    sql: `INSERT INTO duplicate_pairs (id, entity, a_type, a_id, b_type, b_id, score, reasons, state, created_at, updated_at)
      SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7,
        value ->> 8, value ->> 9, value ->> 10
      FROM json_each(?) WHERE true
      ON CONFLICT (id) DO UPDATE SET score = excluded.score, reasons = excluded.reasons, updated_at = excluded.updated_at`,
    args: [JSON.stringify(values)],
  };
}
