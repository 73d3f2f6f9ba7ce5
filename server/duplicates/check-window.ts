/**
 * How long a write to a record may take from choosing its `updated_at` to committing: an import
 * writes thousands of prospects in several transactions with one timestamp, and a rep's save
 * commits after its clock was read. Records updated this close to a check's start stay in view of
 * the next checks (each version is checked once, see match-key-rows.ts `checkedKey`), so a write
 * that commits late is still seen.
 */
export const CHECK_LATE_WRITES_MS = 10 * 60_000;

/**
 * How far the watermark may lag behind while nothing changes before it is moved (one settings
 * write): the records a check looks past are those of the last few minutes, each looked at once.
 */
export const WATERMARK_LAG_MS = 60_000;
