/** Keys per IN (…) list: well under SQLite's variable limit on every build we run on. */
export const KEYS_PER_QUERY = 500;

/**
 * Runs one query per slice of keys (an IN list each), all at once, and joins their rows; no query
 * for no keys. Concurrent, because on a remote database each is a round trip of its own.
 */
export async function selectInChunks<TKey, TRow>(
  keys: readonly TKey[],
  select: (slice: TKey[]) => Promise<TRow[]>,
): Promise<TRow[]> {
  const slices: TKey[][] = [];
  for (let start = 0; start < keys.length; start += KEYS_PER_QUERY)
    slices.push(keys.slice(start, start + KEYS_PER_QUERY));
  return (await Promise.all(slices.map(select))).flat();
}
