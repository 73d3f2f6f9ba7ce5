import type { InStatement } from "@libsql/client";
import { newId } from "@/server/ids";
import { normalizeDomain, normalizeEmailAddress } from "../core/normalize";
import { fieldWriteMessage } from "../core/plan-field-writes";
import type { TPushItem, TSkippedFieldValues } from "./push-records";

/** Salesforce field → the typed column Tandem keeps it in, per object (and what follows from it). */
const PERSON_COLUMNS = {
  FirstName: "first_name",
  LastName: "last_name",
  Email: "email",
  Phone: "phone",
  Title: "title",
  LeadSource: "lead_source",
};
const COLUMNS: Record<string, Record<string, string>> = {
  Contact: PERSON_COLUMNS,
  Lead: { ...PERSON_COLUMNS, Company: "company" },
  Account: {
    Website: "website",
    Industry: "industry",
    Phone: "phone",
    BillingCity: "city",
    BillingCountry: "country",
    Type: "type",
  },
};
const TABLES = { person: "crm_people", account: "crm_accounts" } as const;

/** "LinkedIn_URL__c" → "LinkedIn URL", "MailingCity" → "Mailing City": a field's name in words. */
export function fieldWords(field: string): string {
  return field
    .replace(/__c$/, "")
    .replace(/_/g, " ")
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .trim();
}

type TItemWithValues = Pick<TPushItem, "recordType" | "recordId" | "object" | "fieldValues">;

/**
 * Mapped values Salesforce accepted (MAP-2/3/5): they land in Tandem's typed columns as a pull
 * would bring them (Salesforce's copy, `fields`, is patched by the caller), the ledger marks them
 * pushed, and each field gets its line in the record's history: "Title auto-filled from prospect:
 * (empty) → VP Sales". A few statements per call, whatever the number of records.
 */
export function fieldWriteSuccessStatements(items: readonly TItemWithValues[], now: number): InStatement[] {
  const withValues = items.filter(
    (item): item is TItemWithValues & { recordType: "person" | "account" } =>
      (item.recordType === "person" || item.recordType === "account") && Object.keys(item.fieldValues).length > 0,
  );
  if (withValues.length === 0) return [];
  const statements: InStatement[] = [];
  const byColumn = new Map<string, Array<{ id: string; v: string | null }>>();
  for (const item of withValues) {
    const columns = COLUMNS[item.object] ?? {};
    for (const [field, { value }] of Object.entries(item.fieldValues)) {
      const column = columns[field];
      if (!column) continue;
      const add = (name: string, v: string | null) => {
        const key = `${item.recordType}.${name}`;
        const rows = byColumn.get(key) ?? [];
        rows.push({ id: item.recordId, v });
        byColumn.set(key, rows);
      };
      add(column, value);
      if (column === "email") add("email_normalized", normalizeEmailAddress(value));
      if (column === "website") add("domain_normalized", normalizeDomain(value));
    }
  }
  for (const [key, rows] of byColumn) {
    const [recordType, column] = key.split(".") as ["person" | "account", string];
    const table = TABLES[recordType];
    statements.push({
      sql: `UPDATE ${table} SET ${column} = j.v
            FROM (SELECT json_extract(value, '$.id') AS id, json_extract(value, '$.v') AS v FROM json_each(?)) AS j
            WHERE ${table}.id = j.id`,
      args: [JSON.stringify(rows)],
    });
  }
  const renamed = withValues.filter(
    (item) => item.recordType === "person" && ("FirstName" in item.fieldValues || "LastName" in item.fieldValues),
  );
  if (renamed.length > 0) {
    statements.push({
      sql: `UPDATE crm_people SET name = trim(coalesce(first_name, '') || ' ' || coalesce(last_name, ''))
            WHERE id IN (SELECT value FROM json_each(?))`,
      args: [JSON.stringify(renamed.map((item) => item.recordId))],
    });
  }
  statements.push(...ledgerStatements(withValues, "pushed", now));
  const entries = withValues.flatMap((item) =>
    Object.entries(item.fieldValues).map(([field, { value: to, from, source }]) => ({
      t: item.recordType,
      id: item.recordId,
      message: fieldWriteMessage({ source, from, to }, fieldWords(field)),
      details: { field, object: item.object, from, to, source },
    })),
  );
  statements.push({
    sql: `INSERT INTO activity_log (record_type, record_id, at, event, message, details)
          SELECT json_extract(value, '$.t'), json_extract(value, '$.id'), ?, 'field-written',
                 json_extract(value, '$.message'), json(json_extract(value, '$.details'))
          FROM json_each(?)`,
    args: [now, JSON.stringify(entries)],
  });
  return statements;
}

/** Mapped values Salesforce rejected for good: the ledger says so, so they are not planned again. */
export function fieldWriteFailureStatements(items: readonly TItemWithValues[], now: number): InStatement[] {
  return ledgerStatements(items, "failed", now);
}

/**
 * The ledger learns how the mapped values of some items ended: one upsert per call, whatever the
 * number of fields. A manual choice keeps its source, so auto-overwrite never undoes it (MAP-5).
 */
function ledgerStatements(
  items: readonly TItemWithValues[],
  state: "pushed" | "failed",
  now: number,
  only?: (item: TItemWithValues, field: string) => boolean,
): InStatement[] {
  const rows = items.flatMap((item) =>
    Object.entries(item.fieldValues)
      .filter(([field]) => !only || only(item, field))
      .map(([field, queued]) => ({
        t: item.recordType,
        id: item.recordId,
        f: field,
        o: item.object,
        v: queued.value,
        p: queued.from,
        s: queued.source,
      })),
  );
  if (rows.length === 0) return [];
  return [
    {
      sql: `INSERT INTO field_writes (record_type, record_id, field, object, tandem_field, value, previous, source, state, by_user_id, at)
            SELECT json_extract(value, '$.t'), json_extract(value, '$.id'), json_extract(value, '$.f'), json_extract(value, '$.o'),
                   NULL, json_extract(value, '$.v'), json_extract(value, '$.p'), json_extract(value, '$.s'), ?, NULL, ?
            FROM json_each(?) WHERE true
            ON CONFLICT (record_type, record_id, field) DO UPDATE SET
              object = excluded.object, value = excluded.value, previous = excluded.previous,
              source = excluded.source, state = excluded.state, at = excluded.at`,
      args: [state, now, JSON.stringify(rows)],
    },
  ];
}

/** Error codes about one mapped field, which a later success of the record's other fields leaves open. */
export const FIELD_LEVEL_CODES = ["FIELD_REVERTED", "FIELD_MISSING"] as const;

/**
 * Mapped values for fields the org no longer has (deleted or renamed after they were mapped):
 * skipped, with an error that says which field and what to do, in the log and the record's history.
 */
export function skippedFieldStatements(skipped: readonly TSkippedFieldValues[], now: number): InStatement[] {
  return skipped.flatMap(({ row, object, name, fields }) => {
    const list = fields.join(", ");
    const message = `${object} has no field ${list} in Salesforce any more (deleted or renamed after it was mapped), so Tandem skipped ${
      fields.length === 1 ? "it" : "them"
    }. Map the Tandem field to another Salesforce field, or turn it off, in Settings → Field mapping.`;
    const recordType = row.recordType;
    const item = { recordType, recordId: row.recordId, object, fieldValues: row.fieldValues ?? {} };
    return [
      ...ledgerStatements([item], "failed", now, (_item, field) => fields.includes(field)),
      {
        sql: `INSERT INTO push_errors (id, record_type, record_id, outbox_id, object, operation, record_name, code, message,
                fields, attempts, state, severity, owner_user_id, first_at, last_at)
              VALUES (?, ?, ?, ?, ?, 'update', ?, 'FIELD_MISSING', ?, ?, 1, 'open', 'error', ?, ?, ?)`,
        args: [
          newId(now),
          recordType,
          row.recordId,
          row.id,
          object,
          name,
          message,
          JSON.stringify(fields),
          row.createdBy,
          now,
          now,
        ],
      },
      {
        sql: `INSERT INTO activity_log (record_type, record_id, at, event, message, details) VALUES (?, ?, ?, 'push-failed', ?, ?)`,
        args: [recordType, row.recordId, now, message, JSON.stringify({ code: "FIELD_MISSING", fields, object })],
      },
    ];
  });
}
