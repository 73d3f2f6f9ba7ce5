import "server-only";
import { z } from "zod";
import type { TDatabase } from "@/db/client";
import { matchFeatures, shareKeys, weighNameWords, weighShares } from "@/server/sync/core/match/features";
import { MATCH_ENTITIES, MATCH_FIELDS, type TMatchEntity, type TMatchField } from "@/server/sync/core/match/fields";
import { compareFeatures, defaultModel, pairWeight, scoreOfWeight } from "@/server/sync/core/match/model";
import { matchReasons } from "@/server/sync/core/match/reasons";
import { readDuplicateModels } from "./duplicate-models";
import type { TDuplicateRecord } from "./duplicate-schemas";
import { countKeys, findBlockMembers } from "./find-block-members";
import { loadRecordDisplays } from "./load-record-displays";
import { nameWordKey, uniqueBlockingKeys } from "./match-key-rows";
import { countMatchRecords, loadMatchRecords } from "./match-records";
import { refOfKey } from "./pair-identity";

export const ZSimilarInputSchema = z.object({
  entity: z.enum(MATCH_ENTITIES),
  values: z.record(z.string(), z.string().max(500).nullable()).default({}),
  /** The record being edited, never its own duplicate. */
  excludeId: z.string().max(64).optional(),
  limit: z.number().int().min(1).max(10).default(5),
});
export type TSimilarInput = z.input<typeof ZSimilarInputSchema>;
export type TSimilarRecord = { record: TDuplicateRecord; score: number; reasons: string[] };

/**
 * DUP-4: as a rep types a new person or account (or adds a prospect to the CRM), the records it
 * likely duplicates, best first, with why: the same check a pull makes, for a record not saved
 * yet. The rep can open one or create anyway; nothing is merged.
 */
export async function findSimilarRecords(db: TDatabase, rawInput: TSimilarInput): Promise<TSimilarRecord[]> {
  const input = ZSimilarInputSchema.parse(rawInput);
  const entity: TMatchEntity = input.entity;
  const allowed = new Set<string>(MATCH_FIELDS[entity]);
  const values = Object.fromEntries(
    Object.entries(input.values).filter(([field, value]) => allowed.has(field) && value && value.trim() !== ""),
  ) as Partial<Record<TMatchField, string>>;
  if (Object.keys(values).length === 0) return [];
  const features = matchFeatures(entity, { id: "new", values });
  const keys = uniqueBlockingKeys(features);
  if (keys.length === 0) return [];
  const [members, models] = await Promise.all([findBlockMembers(db, entity, keys), readDuplicateModels(db)]);
  const candidates = [...new Set([...members.values()].flat())].filter((key) => refOfKey(key).id !== input.excludeId);
  if (candidates.length === 0) return [];
  const sources = await loadMatchRecords(db, entity, { refs: candidates.map(refOfKey) });
  const others = sources.map((source) => ({ source, features: matchFeatures(entity, source.record) }));
  const counted = new Set<string>();
  for (const feature of [features, ...others.map((other) => other.features)]) {
    for (const key of Object.values(shareKeys(feature))) if (key) counted.add(key);
    if (entity === "companies") for (const word of feature.nameWords) counted.add(nameWordKey(word));
  }
  const [counts, total] = await Promise.all([countKeys(db, entity, [...counted]), countMatchRecords(db, entity)]);
  const records = Math.max(1, total + 1);
  for (const feature of [features, ...others.map((other) => other.features)]) {
    weighShares(feature, records, (key) => (counts.get(key) ?? 0) + 1);
    if (entity === "companies") weighNameWords(feature, records, (word) => (counts.get(nameWordKey(word)) ?? 0) + 1);
  }
  const model = models[entity] ?? defaultModel(entity);
  const found = others.flatMap(({ source, features: other }) => {
    const vector = compareFeatures(entity, features, other);
    const weight = pairWeight(model, vector.levels, features, other);
    if (weight < model.threshold) return [];
    return [
      {
        key: source.record.id,
        weight,
        score: scoreOfWeight(model, weight),
        reasons: matchReasons(entity, model, vector, features, other),
      },
    ];
  });
  found.sort((x, y) => y.weight - x.weight || x.key.localeCompare(y.key));
  const top = found.slice(0, input.limit);
  const displays = await loadRecordDisplays(
    db,
    top.map((entry) => refOfKey(entry.key)),
  );
  return top.flatMap((entry) => {
    const record = displays.get(entry.key);
    return record ? [{ record, score: entry.score, reasons: entry.reasons }] : [];
  });
}
