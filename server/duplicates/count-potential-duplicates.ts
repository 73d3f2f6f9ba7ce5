import { count, eq } from "drizzle-orm";
import type { TDatabaseOrTransaction } from "@/db/client";
import { duplicatePairs } from "@/db/schema";

/** `status --json` counts.potentialDuplicates: the open pairs in the duplicate review queue (DUP-1). */
export async function countPotentialDuplicates(db: TDatabaseOrTransaction): Promise<number> {
  const [row] = await db.select({ value: count() }).from(duplicatePairs).where(eq(duplicatePairs.state, "open"));
  return row?.value ?? 0;
}
