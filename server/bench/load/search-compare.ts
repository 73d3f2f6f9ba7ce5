/**
 * The people search at a given number of people, through the trigram index and through the LIKE
 * scan it replaced, on the same database and the same terms: p50 and p95 of each, and a check that
 * both find the same totals.
 */
import type { TDatabase } from "@/db/client";
import { listPeople } from "@/server/records/list-people";
import { summarize, type TSummary } from "./summary";

async function countPeople(db: TDatabase): Promise<number> {
  return Number(
    (await db.$client.execute("SELECT count(*) AS n FROM crm_people WHERE state = 'active'")).rows[0]?.n ?? 0,
  );
}

/**
 * Adds active people until there are `target`: copies of the pulled ones under new ids, each name
 * and email given a number of its own so the copies read like other people. Returns how many were added.
 */
export async function topUpPeople(db: TDatabase, target: number): Promise<number> {
  let added = 0;
  for (let round = 1; ; round += 1) {
    const missing = target - (await countPeople(db));
    if (missing <= 0) return added;
    const result = await db.$client.execute({
      sql: `INSERT INTO crm_people (id, kind, state, source, name, email, email_normalized, company, title, owner_name, fields, created_at, updated_at)
        SELECT lower(hex(randomblob(16))), kind, 'active', 'import', name || ' ' || ?1 || (rowid % 997),
          CASE WHEN email IS NULL THEN NULL ELSE ?1 || rowid || '.' || email END,
          CASE WHEN email_normalized IS NULL THEN NULL ELSE ?1 || rowid || '.' || email_normalized END,
          company, title, owner_name, '{}', created_at, updated_at
        FROM crm_people WHERE state = 'active' AND source != 'import' ORDER BY rowid LIMIT ?2`,
      args: [`r${round}`, missing],
    });
    if (result.rowsAffected === 0) throw new Error("no people to copy");
    added += result.rowsAffected;
  }
}

/** Terms a person would type: 3–6 characters from the names, emails and companies of random people. */
export async function sampleTerms(db: TDatabase, count: number, random: () => number): Promise<string[]> {
  const rows = (
    await db.$client.execute({
      sql: "SELECT name, email_normalized AS email, company FROM crm_people WHERE state = 'active' ORDER BY random() LIMIT ?",
      args: [count],
    })
  ).rows;
  return rows.map((row, index) => {
    const field = [row.name, row.email, row.company][index % 3] ?? row.name;
    const text = String(field ?? row.name);
    const length = Math.min(text.length, 3 + Math.floor(random() * 4));
    const start = Math.floor(random() * (text.length - length + 1));
    return text
      .slice(start, start + length)
      .trim()
      .padEnd(3, text.slice(0, 3));
  });
}

export type TSearchComparison = {
  people: number;
  terms: number;
  index: TSummary;
  scan: TSummary;
  mismatches: string[];
};

/** Each term searched both ways (in turns, so neither gets a warmer cache), timed. */
export async function compareSearch(db: TDatabase, terms: readonly string[]): Promise<TSearchComparison> {
  const durations = { index: [] as number[], scan: [] as number[] };
  const mismatches: string[] = [];
  for (const term of terms) {
    const totals: Record<string, number> = {};
    for (const method of ["index", "scan"] as const) {
      const started = performance.now();
      const list = await listPeople(db, { search: term }, { search: method });
      durations[method].push(performance.now() - started);
      totals[method] = list.total;
    }
    // LIKE folds ASCII letters only; the index every letter (list-people.ts): compare ASCII terms.
    if (/^[\x00-\x7f]*$/.test(term) && totals.index !== totals.scan)
      mismatches.push(`${JSON.stringify(term)}: index ${totals.index}, scan ${totals.scan}`);
  }
  return {
    people: await countPeople(db),
    terms: terms.length,
    index: summarize(durations.index),
    scan: summarize(durations.scan),
    mismatches,
  };
}
