/**
 * The incremental check: records kept by blocking key, so one new or changed record is compared
 * only with those sharing a key, e.g. as a rep types into a create form or after a pull page.
 * In memory and pure; the product keeps the same keys in its database. Keys shared by more than
 * MAX_BLOCK records are passed over, as in a full run.
 */
import { blockingKeys, MAX_BLOCK } from "./blocking";
import { matchFeatures, weighNameWords, weighShares, type TFeatures } from "./features";
import type { TMatchEntity, TMatchRecord } from "./fields";
import { compareFeatures, pairWeight, scoreOfWeight, type TComparisonVector, type TMatchModel } from "./model";
import { matchReasons } from "./reasons";

export type TMatchCandidate = {
  id: string;
  score: number;
  weight: number;
  reasons: string[];
  vector: TComparisonVector;
};

export class MatchIndex {
  private readonly byKey = new Map<string, Set<string>>();
  private readonly byId = new Map<string, { features: TFeatures; keys: string[] }>();
  private readonly nameWords = new Map<string, number>();

  constructor(
    readonly entity: TMatchEntity,
    private model: TMatchModel,
  ) {}

  get size(): number {
    return this.byId.size;
  }

  setModel(model: TMatchModel): void {
    this.model = model;
  }

  /** Adds or replaces a record. */
  add(record: TMatchRecord): TFeatures {
    this.remove(record.id);
    const features = matchFeatures(this.entity, record);
    const keys = blockingKeys(features);
    for (const key of keys) {
      const members = this.byKey.get(key);
      if (members) members.add(record.id);
      else this.byKey.set(key, new Set([record.id]));
    }
    for (const word of features.nameWords) this.nameWords.set(word, (this.nameWords.get(word) ?? 0) + 1);
    this.byId.set(record.id, { features, keys });
    return features;
  }

  remove(id: string): void {
    const entry = this.byId.get(id);
    if (!entry) return;
    for (const key of entry.keys) {
      const members = this.byKey.get(key);
      members?.delete(id);
      if (members?.size === 0) this.byKey.delete(key);
    }
    for (const word of entry.features.nameWords) {
      const count = (this.nameWords.get(word) ?? 1) - 1;
      if (count <= 0) this.nameWords.delete(word);
      else this.nameWords.set(word, count);
    }
    this.byId.delete(id);
  }

  /**
   * The records this one likely duplicates (itself excluded), best first, at or above the
   * model's threshold unless `minScore` asks for fewer or more.
   */
  check(record: TMatchRecord, options: { minScore?: number; limit?: number } = {}): TMatchCandidate[] {
    const features = matchFeatures(this.entity, record);
    const records = Math.max(1, this.byId.size);
    const rarity = (word: string) => this.nameWords.get(word) ?? 1;
    weighNameWords(features, records, rarity);
    // Counted as if this record were in the index too (it is, when an indexed record is checked).
    const indexed = this.byId.has(record.id);
    const keyCount = (key: string) => (this.byKey.get(key)?.size ?? 0) + (indexed ? 0 : 1);
    weighShares(features, records, keyCount);
    const seen = new Set<string>([record.id]);
    const found: TMatchCandidate[] = [];
    for (const key of blockingKeys(features)) {
      const members = this.byKey.get(key);
      if (!members || members.size > MAX_BLOCK) continue;
      for (const id of members) {
        if (seen.has(id)) continue;
        seen.add(id);
        const other = this.byId.get(id);
        if (!other) continue;
        if (this.entity === "companies") weighNameWords(other.features, records, rarity);
        weighShares(other.features, records, keyCount);
        const vector = compareFeatures(this.entity, features, other.features);
        const weight = pairWeight(this.model, vector.levels, features, other.features);
        const score = scoreOfWeight(this.model, weight);
        if (options.minScore !== undefined ? score < options.minScore : weight < this.model.threshold) continue;
        found.push({
          id,
          score,
          weight,
          vector,
          reasons: matchReasons(this.entity, this.model, vector, features, other.features),
        });
      }
    }
    found.sort((a, b) => b.weight - a.weight || a.id.localeCompare(b.id));
    return options.limit === undefined ? found : found.slice(0, options.limit);
  }
}
