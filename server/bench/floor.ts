/**
 * The floor for `npm run bench`: the least a pull into libSQL can do with the records. They are
 * downloaded by bare jsforce the way Tandem's first load downloads them, then written into ONE
 * table indexed like crm_people (unique Salesforce Id, email, kind/state/name, account, converted
 * contact), each row with a content hash, in multi-row INSERTs, one transaction per 2,000 rows.
 * No reads, no planning, no cursor, no lease.
 */
import { createHash, randomFillSync } from "node:crypto";
import type { Client, InValue } from "@libsql/client";
import type { TBareRecord } from "@/server/salesforce/testing/bare-download";
import type { TSyncObject } from "@/server/sync/core/sync-objects";

const ROWS_PER_TRANSACTION = 2000;
// SQLite accepts 32,766 bound values per statement; the same margin as db/bulk-insert.ts.
const MAX_VALUES = 16_000;

const COLUMNS = [
  "id",
  "sf_id",
  "kind",
  "state",
  "name",
  "email_normalized",
  "account_sf_id",
  "converted_contact_sf_id",
  "system_modstamp",
  "fields",
  "content_hash",
  "created_at",
  "updated_at",
] as const;

export const FLOOR_SCHEMA = `
CREATE TABLE floor_records (
  id TEXT PRIMARY KEY,
  sf_id TEXT,
  kind TEXT NOT NULL,
  state TEXT NOT NULL,
  name TEXT NOT NULL,
  email_normalized TEXT,
  account_sf_id TEXT,
  converted_contact_sf_id TEXT,
  system_modstamp TEXT,
  fields TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX floor_records_sf_id_unique ON floor_records (sf_id);
CREATE INDEX floor_records_email_idx ON floor_records (email_normalized);
CREATE INDEX floor_records_kind_state_name_idx ON floor_records (kind, state, name);
CREATE INDEX floor_records_account_idx ON floor_records (account_sf_id);
CREATE INDEX floor_records_converted_contact_idx ON floor_records (converted_contact_sf_id);
`;

const RANDOM = Buffer.alloc(4096);
let randomTaken = RANDOM.length;

/** A time-ordered id in the shape of Tandem's (UUIDv7 text), its random bits drawn from a pool. */
function timeOrderedId(now: number): string {
  if (randomTaken === RANDOM.length) {
    randomFillSync(RANDOM);
    randomTaken = 0;
  }
  const bytes = RANDOM.subarray(randomTaken, (randomTaken += 16));
  bytes.writeUIntBE(now, 0, 6);
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** REST values are typed, Bulk CSV values are strings with "" for null. */
function value(record: TBareRecord, field: string): string | null {
  const raw = record[field];
  return raw === null || raw === undefined || raw === "" ? null : String(raw);
}

/** sha256 of the record's fields, sorted by name, nulls left out. */
function hashFields(fields: Record<string, unknown>): string {
  const sorted = Object.keys(fields)
    .filter((key) => fields[key] !== null && fields[key] !== "")
    .sort()
    .map((key) => [key, fields[key]]);
  return createHash("sha256").update(JSON.stringify(sorted)).digest("base64url");
}

function rowValues(object: TSyncObject, record: TBareRecord, now: number): InValue[] {
  const { attributes: _attributes, ...fields } = record;
  const name =
    value(record, "Name") ?? ([value(record, "FirstName"), value(record, "LastName")].filter(Boolean).join(" ") || "");
  const deleted = record.IsDeleted === true || record.IsDeleted === "true";
  return [
    timeOrderedId(now),
    record.Id,
    object.toLowerCase(),
    deleted ? "deleted" : "active",
    name,
    value(record, "Email")?.trim().toLowerCase() ?? null,
    value(record, "AccountId"),
    value(record, "ConvertedContactId"),
    value(record, "SystemModstamp"),
    JSON.stringify(fields),
    hashFields(fields),
    now,
    now,
  ];
}

/** Writes a downloaded page, one transaction (one batch) per 2,000 rows. */
export async function writeFloorPage(client: Client, object: TSyncObject, records: readonly TBareRecord[]) {
  const perStatement = Math.floor(MAX_VALUES / COLUMNS.length);
  const placeholders = `(${COLUMNS.map(() => "?").join(", ")})`;
  for (let start = 0; start < records.length; start += ROWS_PER_TRANSACTION) {
    const now = Date.now();
    const rows = records.slice(start, start + ROWS_PER_TRANSACTION);
    const statements = [];
    for (let offset = 0; offset < rows.length; offset += perStatement) {
      const chunk = rows.slice(offset, offset + perStatement);
      statements.push({
        sql: `INSERT INTO floor_records (${COLUMNS.join(", ")}) VALUES ${chunk.map(() => placeholders).join(", ")}`,
        args: chunk.flatMap((record) => rowValues(object, record, now)),
      });
    }
    await client.batch(statements, "write");
  }
}
