"use client";

import { useMemo } from "react";
import { useTableParams } from "@/components/data-table/use-table-params";
import { ENRICHMENT_FILTER_KEYS, enrichmentListInput, isEnrichmentFiltered } from "./enrichment-params";

/** The Enrichment page's state from its URL; a change to what matches goes back to page 1. */
export function useEnrichmentParams() {
  const { searchParams, setParams } = useTableParams();
  const input = useMemo(() => enrichmentListInput(searchParams), [searchParams]);
  return {
    input,
    filtered: isEnrichmentFiltered(input),
    setFilter: (key: "object" | "field" | "owner" | "status" | "kept", value: string | undefined) =>
      setParams({ [key]: value, page: null }),
    setPage: (page: number) => setParams({ page: page === 1 ? null : page }),
    setPageSize: (size: number) => setParams({ size, page: null }),
    reset: () => setParams(Object.fromEntries(ENRICHMENT_FILTER_KEYS.map((key) => [key, null]))),
  };
}
