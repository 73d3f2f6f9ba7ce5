/** Keys per IN (…) list: well under SQLite's variable limit on every build we run on. */
export const KEYS_PER_QUERY = 500;

/** Runs one query per slice of keys (an IN list each) and joins their rows; no query for no keys. */
export async function selectInChunks<TKey, TRow>(
  keys: readonly TKey[],
  select: (slice: TKey[]) => Promise<TRow[]>,
): Promise<TRow[]> {
  const rows: TRow[] = [];
  for (let start = 0; start < keys.length; start += KEYS_PER_QUERY) {
    rows.push(...(await select(keys.slice(start, start + KEYS_PER_QUERY))));
  }
  return rows;
}
