import "server-only";
import { and, desc, eq, inArray, or } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { duplicatePairs } from "@/db/schema";
import type { TDuplicatePairState, TRecordRef } from "./duplicate-vocabulary";
import type { TRecordDuplicate } from "./duplicate-schemas";
import { loadRecordDisplays } from "./load-record-displays";
import { refKey } from "./pair-identity";

/**
 * DUP-1: a record's potential duplicates, best first, for the "Potential duplicate" notice on its
 * page: its open pairs (and, when asked, those put off for later), each with the other record.
 */
export async function recordDuplicates(
  db: TDatabase,
  ref: TRecordRef,
  options: { includeLater?: boolean } = {},
): Promise<TRecordDuplicate[]> {
  const states: TDuplicatePairState[] = options.includeLater ? ["open", "later"] : ["open"];
  const rows = await db
    .select()
    .from(duplicatePairs)
    .where(
      and(
        inArray(duplicatePairs.state, states),
        or(
          and(eq(duplicatePairs.aType, ref.type), eq(duplicatePairs.aId, ref.id)),
          and(eq(duplicatePairs.bType, ref.type), eq(duplicatePairs.bId, ref.id)),
        ),
      ),
    )
    .orderBy(desc(duplicatePairs.score), duplicatePairs.id);
  const others = rows.map((row) =>
    row.aType === ref.type && row.aId === ref.id ? { type: row.bType, id: row.bId } : { type: row.aType, id: row.aId },
  );
  const displays = await loadRecordDisplays(db, others);
  return rows.map((row, index) => ({
    pairId: row.id,
    score: row.score,
    reasons: row.reasons,
    state: row.state,
    other: displays.get(refKey(others[index]!))!,
  }));
}
