import "server-only";
import { eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { duplicatePairs } from "@/db/schema";
import { AppError } from "@/server/errors";
import { MERGE_FIELDS } from "./merge-fields";
import { mergeOptions, type TMergeOptions, type TSide } from "./merge-options";
import { loadMergeRecord, type TMergeRecord } from "./merge-records";

export type TMergePreview = {
  pairId: string;
  entity: "people" | "companies";
  score: number;
  reasons: string[];
  records: Record<TSide, Omit<TMergeRecord, "values" | "accountSfId">>;
  /** Every field either side shows, with both values and whether they differ. */
  fields: Array<{ key: string; label: string; a: string | null; b: string | null; differs: boolean }>;
  /** Which fields the survivor keeps, by survivor (a lead has a company field, a contact its account). */
  fieldsFor: Record<TSide, string[]>;
  options: TMergeOptions;
};

const sameText = (x: string | null, y: string | null) =>
  (x ?? "").trim().toLowerCase() === (y ?? "").trim().toLowerCase();

/** DUP-3: the merge dialog's content for one potential duplicate. */
export async function getMergePreview(db: TDatabase, pairId: string): Promise<TMergePreview> {
  const pair = await db.query.duplicatePairs.findFirst({ where: eq(duplicatePairs.id, pairId) });
  if (!pair || pair.state === "merged" || pair.state === "dismissed") {
    throw new AppError(
      "NOT_FOUND",
      "This potential duplicate is no longer open: it was merged or marked not a duplicate.",
    );
  }
  const a = await loadMergeRecord(db, { type: pair.aType, id: pair.aId });
  const b = await loadMergeRecord(db, { type: pair.bType, id: pair.bId });
  const keys = [...new Set([...MERGE_FIELDS[a.kind], ...MERGE_FIELDS[b.kind]].map((field) => field.key))];
  const labels = new Map([...MERGE_FIELDS[a.kind], ...MERGE_FIELDS[b.kind]].map((field) => [field.key, field.label]));
  const strip = ({ values: _values, accountSfId: _account, ...rest }: TMergeRecord) => rest;
  return {
    pairId: pair.id,
    entity: pair.entity,
    score: pair.score,
    reasons: pair.reasons,
    records: { a: strip(a), b: strip(b) },
    fields: keys.map((key) => {
      const va = a.values[key] ?? null;
      const vb = b.values[key] ?? null;
      return { key, label: labels.get(key) ?? key, a: va, b: vb, differs: !sameText(va, vb) };
    }),
    fieldsFor: { a: MERGE_FIELDS[a.kind].map((field) => field.key), b: MERGE_FIELDS[b.kind].map((field) => field.key) },
    options: mergeOptions(a, b),
  };
}
