import "server-only";
import { eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { duplicatePairs } from "@/db/schema";
import { AppError } from "@/server/errors";
import type { TDuplicatePairState } from "./duplicate-vocabulary";
import { type TDuplicateDecisionInput, ZDuplicateDecisionInputSchema } from "./duplicate-schemas";
import { loadMatchRecords } from "./match-records";
import { recordSignature, refKey } from "./pair-identity";

/**
 * A rep's decision on a potential duplicate (DUP-1). "Not a duplicate" (dismiss) stores both
 * records' signatures, so the pair stays out of the queue until either record changes what the
 * matcher reads; "later" puts it off; "reopen" puts it back. Neither record changes (DUP-4).
 */
export async function decideDuplicate(
  db: TDatabase,
  input: TDuplicateDecisionInput,
  actor: { userId: string | null; now: number },
): Promise<{ id: string; state: TDuplicatePairState }> {
  const { pairId, decision } = ZDuplicateDecisionInputSchema.parse(input);
  const pair = await db.query.duplicatePairs.findFirst({ where: eq(duplicatePairs.id, pairId) });
  if (!pair) {
    throw new AppError(
      "NOT_FOUND",
      "This potential duplicate is no longer listed: the records changed or were merged.",
    );
  }
  if (pair.state === "merged") {
    throw new AppError("BAD_REQUEST", "These records were merged already; there is nothing left to decide.");
  }
  const a = { type: pair.aType, id: pair.aId };
  const b = { type: pair.bType, id: pair.bId };
  let values: Partial<typeof duplicatePairs.$inferInsert>;
  if (decision === "reopen") {
    values = { state: "open", aSignature: null, bSignature: null, decidedBy: null, decidedAt: null };
  } else {
    const sources = await loadMatchRecords(db, pair.entity, { refs: [a, b] });
    const signatureOf = (ref: typeof a) => {
      const source = sources.find((candidate) => candidate.record.id === refKey(ref));
      return source ? recordSignature(pair.entity, source.record.values) : null;
    };
    values = {
      state: decision === "dismiss" ? "dismissed" : "later",
      aSignature: signatureOf(a),
      bSignature: signatureOf(b),
      decidedBy: actor.userId,
      decidedAt: actor.now,
    };
  }
  await db
    .update(duplicatePairs)
    .set({ ...values, updatedAt: actor.now })
    .where(eq(duplicatePairs.id, pairId));
  return { id: pairId, state: values.state ?? pair.state };
}
