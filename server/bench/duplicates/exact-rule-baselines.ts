/**
 * The simple baselines the README gives for the Chicago providers, computed again here so the
 * benchmark shows they reproduce: records that agree exactly on a key are the same, and clusters
 * are the connected components of those agreeing pairs.
 */
import { clusterPairs } from "@/server/sync/core/match/cluster";
import type { TMatchRecord } from "@/server/sync/core/match/fields";
import { foldText, words } from "@/server/sync/core/match/text";

type TValues = TMatchRecord["values"];
export type TExactRule = { name: string; documentedF1?: number; keysOf: (values: TValues) => string[] };

const DIRECTIONS = new Set(["n", "s", "e", "w", "north", "south", "east", "west"]);

/** The address's words from its first number on ("221 E. 51st St." → 221, e, 51st, st). */
function fromStreetNumber(address: string | null | undefined): string[] {
  const parts = words(foldText(address));
  const at = parts.findIndex((word) => /^\d+$/.test(word));
  return at < 0 ? [] : parts.slice(at);
}

export const CHICAGO_EXACT_RULES: TExactRule[] = [
  {
    name: "street number + next two address words",
    documentedF1: 0.91,
    keysOf(values) {
      const [number, first, second] = fromStreetNumber(values.address);
      return number && first ? [`${number} ${first} ${second ?? ""}`] : [];
    },
  },
  {
    // The same rule with a direction (N/S/E/W) skipped: "221 E 51st" and "221 51st" agree.
    name: "street number + first word that is not a direction",
    keysOf(values) {
      const [number, ...rest] = fromStreetNumber(values.address);
      const word = rest.find((part) => !DIRECTIONS.has(part));
      return number && word ? [`${number} ${word}`] : [];
    },
  },
  {
    name: "phone digits",
    documentedF1: 0.8,
    keysOf(values) {
      const digits = values.phone?.replace(/\D+/g, "") ?? "";
      return digits ? [digits] : [];
    },
  },
];

/** Clusters of records that share any key: each record joined to the first record with its key. */
export function clusterByExactKeys(records: readonly TMatchRecord[], keysOf: TExactRule["keysOf"]): Int32Array {
  const firstWithKey = new Map<string, number>();
  const pairs: Array<[number, number]> = [];
  records.forEach((record, index) => {
    for (const key of keysOf(record.values)) {
      const first = firstWithKey.get(key);
      if (first === undefined) firstWithKey.set(key, index);
      else pairs.push([first, index]);
    }
  });
  return clusterPairs(records.length, pairs);
}
