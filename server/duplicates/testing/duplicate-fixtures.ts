import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { crmAccounts, crmPeople, duplicatePairs, prospects } from "@/db/schema";
import { normalizeDomain, normalizeEmailAddress } from "@/server/sync/core/normalize";
import type { TRecordRef } from "../duplicate-vocabulary";

/** Records for duplicate detection's tests: pulled people and accounts, and prospects, with only what a test names. */

type TPersonInput = Partial<typeof crmPeople.$inferInsert> & { firstName: string; lastName: string };

export async function insertPerson(db: TDatabase, input: TPersonInput): Promise<TRecordRef> {
  const [ref] = await insertPeople(db, [input]);
  return ref!;
}

/** Many people in a few statements. */
export async function insertPeople(db: TDatabase, inputs: readonly TPersonInput[]): Promise<TRecordRef[]> {
  const rows = inputs.map((input) => {
    const id = input.id ?? randomUUID();
    return {
      id,
      sfId: `003${id.replace(/-/g, "").slice(0, 15)}`,
      kind: "contact" as const,
      fields: {},
      source: "pull" as const,
      name: `${input.firstName} ${input.lastName}`,
      emailNormalized: normalizeEmailAddress(input.email ?? null),
      createdAt: 1,
      updatedAt: 1,
      ...input,
    };
  });
  for (let start = 0; start < rows.length; start += 200)
    await db.insert(crmPeople).values(rows.slice(start, start + 200));
  return rows.map((row) => ({ type: "person", id: row.id }));
}

export async function insertAccount(
  db: TDatabase,
  input: Partial<typeof crmAccounts.$inferInsert> & { name: string },
): Promise<TRecordRef> {
  const id = input.id ?? randomUUID();
  await db.insert(crmAccounts).values({
    id,
    sfId: `001${id.replace(/-/g, "").slice(0, 15)}`,
    fields: {},
    source: "pull",
    domainNormalized: normalizeDomain(input.website ?? null),
    createdAt: 1,
    updatedAt: 1,
    ...input,
  });
  return { type: "account", id };
}

export async function insertProspect(
  db: TDatabase,
  input: Partial<typeof prospects.$inferInsert> & { name: string; kind: "person" | "company" },
): Promise<TRecordRef> {
  const id = input.id ?? randomUUID();
  await db.insert(prospects).values({
    id,
    extra: {},
    source: "import",
    emailNormalized: normalizeEmailAddress(input.email ?? null),
    domainNormalized: normalizeDomain(input.website ?? null),
    createdAt: 1,
    updatedAt: 1,
    ...input,
  });
  return { type: "prospect", id };
}

/** The stored pairs, each as its two ref keys in order with its state. */
export async function storedPairs(db: TDatabase) {
  const rows = await db.select().from(duplicatePairs).orderBy(duplicatePairs.id);
  return rows.map((row) => ({
    ...row,
    refs: [`${row.aType}:${row.aId}`, `${row.bType}:${row.bId}`],
  }));
}

export async function pairOf(db: TDatabase, x: TRecordRef, y: TRecordRef) {
  const keys = [`${x.type}:${x.id}`, `${y.type}:${y.id}`].sort();
  return (await storedPairs(db)).find((pair) => pair.refs[0] === keys[0] && pair.refs[1] === keys[1]);
}

export async function emptyDuplicateTables(db: TDatabase) {
  for (const table of ["crm_people", "crm_accounts", "prospects", "match_keys", "duplicate_pairs"]) {
    await db.$client.execute(`DELETE FROM ${table}`);
  }
  await db.$client.execute("DELETE FROM settings WHERE key LIKE 'duplicates.%'");
}

export async function updatePerson(db: TDatabase, id: string, set: Partial<typeof crmPeople.$inferInsert>) {
  await db.update(crmPeople).set(set).where(eq(crmPeople.id, id));
}
