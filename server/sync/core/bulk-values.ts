/**
 * Bulk API 2.0 returns CSV: every value a string, nulls as empty strings, datetimes with "Z".
 * The REST API returns typed JSON with "+0000" offsets. A record must look the same whichever
 * way it arrived, or its content hash would change with the transport and the next incremental
 * pull would "update" every record.
 */
const BOOLEAN_FIELDS = new Set(["IsDeleted", "IsConverted", "IsClosed", "IsWon"]);
const NUMBER_FIELDS = new Set(["Amount", "Probability"]);
const DATETIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3})Z$/;

export function restShapedRecord(row: Record<string, string>): Record<string, unknown> & { Id: string } {
  const record: Record<string, unknown> = {};
  for (const [field, raw] of Object.entries(row)) {
    if (raw === "" || raw === undefined) {
      record[field] = null;
    } else if (BOOLEAN_FIELDS.has(field)) {
      record[field] = raw === "true";
    } else if (NUMBER_FIELDS.has(field)) {
      const value = Number(raw);
      record[field] = Number.isFinite(value) ? value : null;
    } else {
      const datetime = DATETIME.exec(raw);
      record[field] = datetime ? `${datetime[1]}+0000` : raw;
    }
  }
  return record as Record<string, unknown> & { Id: string };
}
