import "server-only";
import { type SQL, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";

/**
 * A LIKE pattern matching `term` anywhere, with LIKE's wildcards escaped so a search for "50%"
 * or "a_b" means those characters. Use with `ESCAPE '\'` (see `containsText`).
 */
export function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/** `column LIKE '%term%' ESCAPE '\'`: case-insensitive for ASCII, as people expect of search. */
export function containsText(column: SQLiteColumn | SQL, term: string): SQL {
  return sql`${column} LIKE ${containsPattern(term)} ESCAPE '\\'`;
}

/**
 * The shortest term the trigram index can answer: it holds every run of 3 characters, so a shorter
 * term matches nothing there and is searched with LIKE instead. Characters are counted as the
 * tokenizer counts them, by code point.
 */
export const TRIGRAM_MIN_LENGTH = 3;

export function searchesByTrigrams(term: string): boolean {
  return [...term].length >= TRIGRAM_MIN_LENGTH;
}

/**
 * `term` as one FTS5 phrase: in double quotes, with `"` doubled. Inside a phrase FTS5 reads no
 * operator, prefix star, column filter or NEAR, so what a user types is only ever text; with the
 * trigram tokenizer the phrase matches where the term appears as a substring.
 */
export function matchPhrase(term: string): string {
  return `"${term.replaceAll('"', '""')}"`;
}

/** The owner a filter matches: the Salesforce user id, or the name when no id was pulled. */
export function ownerKey(ownerSfId: SQLiteColumn, ownerName: SQLiteColumn): SQL<string | null> {
  return sql<string | null>`coalesce(${ownerSfId}, ${ownerName})`;
}

/**
 * ORDER BY terms for one column: empty values last in either direction (a sort by title should
 * not open on a page of blanks), then the id so pages never overlap or skip a row.
 */
export function orderTerms(
  column: SQLiteColumn | SQL,
  direction: "asc" | "desc",
  id: SQLiteColumn | SQL,
  nullable = true,
): SQL[] {
  const ordered = direction === "asc" ? sql`${column} asc` : sql`${column} desc`;
  const tieBreak = direction === "asc" ? sql`${id} asc` : sql`${id} desc`;
  return nullable ? [sql`(${column} is null or ${column} = '') asc`, ordered, tieBreak] : [ordered, tieBreak];
}

export function pageOffset(page: number, pageSize: number): number {
  return (page - 1) * pageSize;
}

/**
 * `+column`: the same value, but SQLite's planner may not use an index for it. For filters the
 * index cannot answer alone, a scan of the table is far cheaper than an index walk that fetches
 * every row it passes (see list-people.ts).
 */
export function withoutIndex(column: SQLiteColumn, when = true): SQL {
  return when ? sql`+${column}` : sql`${column}`;
}
