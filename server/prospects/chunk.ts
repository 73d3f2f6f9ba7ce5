/**
 * Splits a list for batched statements. SQLite caps the variables of one statement, so IN (…)
 * lists and multi-row inserts go in slices.
 */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const slices: T[][] = [];
  for (let start = 0; start < items.length; start += size) slices.push(items.slice(start, start + size));
  return slices;
}

/** Keys per IN (…) list: well under SQLite's variable limit on every build we run on. */
export const KEYS_PER_QUERY = 500;
