import type { InStatement, InValue } from "@libsql/client";

/**
 * A drizzle query as a raw libSQL statement, for writes that go into one fenced batch
 * (server/sync/lease.ts `commitFenced`): the query is built by drizzle (column names, JSON and
 * boolean mapping) but sent with the rest of the batch in one round trip.
 */
export function toStatement(query: { toSQL(): { sql: string; params: unknown[] } }): InStatement {
  const { sql, params } = query.toSQL();
  return { sql, args: params as InValue[] };
}
