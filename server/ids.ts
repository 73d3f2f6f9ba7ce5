import { randomFillSync } from "node:crypto";

// Random bytes drawn 4 KiB at a time: one system call per 256 ids instead of one per id (a
// 100,000-record pull makes about 160,000 ids; drawing each alone cost about a second).
const POOL = Buffer.alloc(4096);
let offset = POOL.length;

function randomSixteen(): Buffer {
  if (offset + 16 > POOL.length) {
    randomFillSync(POOL);
    offset = 0;
  }
  const bytes = Buffer.from(POOL.subarray(offset, offset + 16));
  offset += 16;
  return bytes;
}

/**
 * A UUIDv7 (RFC 9562): 48 bits of milliseconds, then random bits. Ids created together sort
 * together, so a page of new records lands in neighbouring B-tree pages instead of all over the
 * table (random v4 ids make bulk inserts several times slower on large tables).
 */
export function newId(now = Date.now()): string {
  const bytes = randomSixteen();
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = 0x70 | ((bytes[6] ?? 0) & 0x0f);
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
