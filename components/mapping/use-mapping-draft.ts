"use client";

import { useCallback, useMemo, useRef, useState } from "react";
import type { TFieldMappingMode } from "@/server/sync/core/field-mapping";
import { entriesOf, isComplete, rowsOf, sameEntries, type TDraftRow, type TMappingEntry } from "./mapping-draft";

/** The server takes at most this many entries per object. */
export const MAX_ROWS = 100;

/**
 * One object's rows as the admin edits them, against what is saved. Until the first edit the rows
 * follow the saved mapping (a save, or reading the org again, shows at once); after it they are
 * the admin's until saved or discarded.
 */
export function useMappingDraft(saved: ReadonlyArray<TMappingEntry>) {
  const [edited, setEdited] = useState<TDraftRow[] | null>(null);
  const created = useRef(0);
  const savedRows = useMemo(() => rowsOf(saved), [saved]);
  const rows = edited ?? savedRows;
  const entries = useMemo(() => entriesOf(rows), [rows]);

  const edit = useCallback(
    (change: (rows: TDraftRow[]) => TDraftRow[]) => setEdited((current) => change(current ?? savedRows)),
    [savedRows],
  );
  const update = useCallback(
    (key: string, change: Partial<TMappingEntry>) =>
      edit((current) => current.map((row) => (row.key === key ? { ...row, ...change } : row))),
    [edit],
  );
  const add = useCallback(
    (mode: TFieldMappingMode = "auto-fill") => {
      created.current += 1;
      const key = `new-${created.current}`;
      edit((current) =>
        current.length >= MAX_ROWS ? current : [...current, { key, tandem: "", salesforce: "", mode }],
      );
      return key;
    },
    [edit],
  );
  const remove = useCallback((key: string) => edit((current) => current.filter((row) => row.key !== key)), [edit]);
  const discard = useCallback(() => setEdited(null), []);

  return {
    rows,
    entries,
    dirty: edited !== null && !sameEntries(entries, saved),
    complete: entries.every(isComplete),
    update,
    add,
    remove,
    discard,
  };
}
