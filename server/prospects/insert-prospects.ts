import { randomUUID } from "node:crypto";
import type { TDatabaseOrTransaction } from "@/db/client";
import { activityLog, mappingRecheck, prospects } from "@/db/schema";
import { indexCrmRecordsByKey, planProspectMarks } from "@/server/sync/core/prospect-match";
import type { TProspectDraft } from "./build-prospect-draft";
import { chunk } from "./chunk";
import { findCrmMatches, type TCrmMatch } from "./find-crm-matches";
import type { TProspectKind } from "./schemas";

export type TProspectOrigin =
  | { source: "import"; importId: string; fileName: string; createdBy: string | null }
  | { source: "manual"; createdBy: string | null; createdByName: string };

export type TNewProspectRow = { draft: TProspectDraft; line?: number };
export type TInsertedProspects = { ids: string[]; matched: number };

// ~25 columns a row: 200 rows stay far below SQLite's variable limit per statement.
const ROWS_PER_INSERT = 200;
const LOG_ROWS_PER_INSERT = 500;

/**
 * Writes new prospects of one kind and their activity log. Each is first matched against the CRM
 * (PULL-3): a match links the prospect to the record and says so in its log.
 */
export async function insertProspects(
  db: TDatabaseOrTransaction,
  kind: TProspectKind,
  items: TNewProspectRow[],
  origin: TProspectOrigin,
  now: number,
): Promise<TInsertedProspects> {
  const keys = items.map((item) => item.draft.identityKey).filter((key): key is string => !!key);
  const matches = keys.length ? await findCrmMatches(db, kind, keys) : [];
  const matchById = new Map(matches.map((match) => [match.id, match]));
  const ids = items.map(() => randomUUID());
  const marks = planProspectMarks(
    items.map((item, index) => ({ id: ids[index] ?? "", key: item.draft.identityKey })),
    indexCrmRecordsByKey(matches),
  );
  const crmIdByProspect = new Map(marks.map((mark) => [mark.prospectId, mark.crmRecordId]));

  const rows: Array<typeof prospects.$inferInsert> = [];
  const log: Array<typeof activityLog.$inferInsert> = [];
  let matched = 0;
  for (const [index, { draft, line }] of items.entries()) {
    const id = ids[index] ?? randomUUID();
    const crmId = crmIdByProspect.get(id);
    const match = crmId ? matchById.get(crmId) : undefined;
    const { identityKey: _key, ...columns } = draft;
    rows.push({
      id,
      ...columns,
      source: origin.source,
      importId: origin.source === "import" ? origin.importId : null,
      crmRecordType: match?.type ?? null,
      crmRecordId: match?.id ?? null,
      inCrmSince: match ? now : null,
      createdBy: origin.createdBy,
      createdAt: now,
      updatedAt: now,
    });
    log.push(createdEntry(id, origin, line, now));
    if (match) {
      matched++;
      log.push(matchedOnCreateEntry(id, kind, match, now));
    }
  }
  for (const slice of chunk(rows, ROWS_PER_INSERT)) await db.insert(prospects).values(slice);
  for (const slice of chunk(log, LOG_ROWS_PER_INSERT)) await db.insert(activityLog).values(slice);
  // MAP-4: the next pull fetches the records these prospects now match and applies the mapping.
  const linked = rows.flatMap((row) =>
    row.crmRecordId && (row.crmRecordType === "person" || row.crmRecordType === "account")
      ? [{ recordType: row.crmRecordType, recordId: row.crmRecordId, queuedAt: now }]
      : [],
  );
  for (const slice of chunk(linked, ROWS_PER_INSERT))
    await db.insert(mappingRecheck).values(slice).onConflictDoNothing();
  return { ids: rows.map((row) => row.id), matched };
}

function createdEntry(
  id: string,
  origin: TProspectOrigin,
  line: number | undefined,
  now: number,
): typeof activityLog.$inferInsert {
  if (origin.source === "import") {
    return {
      recordType: "prospect",
      recordId: id,
      at: now,
      event: "imported",
      message: `Imported from ${origin.fileName}${line ? `, line ${line}` : ""}.`,
      details: { importId: origin.importId, line: line ?? null },
    };
  }
  return {
    recordType: "prospect",
    recordId: id,
    at: now,
    event: "created-in-tandem",
    message: `Added by hand by ${origin.createdByName}.`,
    details: null,
  };
}

function matchedOnCreateEntry(
  id: string,
  kind: TProspectKind,
  match: TCrmMatch,
  now: number,
): typeof activityLog.$inferInsert {
  const keyName = kind === "person" ? "email" : "web domain";
  return {
    recordType: "prospect",
    recordId: id,
    at: now,
    event: "matched-crm",
    message: `Already in the CRM: the ${match.label} ${match.name} has the same ${keyName} (${match.key}), so this prospect is marked "in CRM".`,
    details: { crmRecordType: match.type, crmRecordId: match.id, matchedOn: keyName, key: match.key, when: "created" },
  };
}
