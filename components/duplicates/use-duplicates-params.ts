"use client";

import { useMemo } from "react";
import { useTableParams } from "@/components/data-table/use-table-params";
import { DUPLICATES_FILTER_KEYS, duplicatesListInput, isDuplicatesFiltered, openPairParam } from "./duplicates-params";

/** The review queue's state from its URL; a change to what matches goes back to page 1. */
export function useDuplicatesParams() {
  const { searchParams, setParams } = useTableParams();
  const input = useMemo(() => duplicatesListInput(searchParams), [searchParams]);
  return {
    input,
    openPair: openPairParam(searchParams),
    filtered: isDuplicatesFiltered(input),
    setFilter: (key: "entity" | "min" | "later", value: string | undefined) => setParams({ [key]: value, page: null }),
    setPage: (page: number) => setParams({ page: page === 1 ? null : page }),
    setPageSize: (size: number) => setParams({ size, page: null }),
    /** Opens a pair's merge dialog, or closes it; the dialog is part of the URL but not of the history. */
    setOpenPair: (pairId: string | null) => setParams({ pair: pairId }, { replace: true }),
    reset: () => setParams(Object.fromEntries(DUPLICATES_FILTER_KEYS.map((key) => [key, null]))),
  };
}
