"use client";

import { useMemo } from "react";
import type { TSortState } from "@/components/data-table/data-table-column-header";
import { useTableParams } from "@/components/data-table/use-table-params";
import { PROSPECT_FILTER_KEYS, prospectListInput } from "./list-params";

/** The prospect list's state from its URL; anything that changes which rows match goes to page 1. */
export function useProspectListState() {
  const { searchParams, setParams } = useTableParams();
  const input = useMemo(() => prospectListInput(searchParams), [searchParams]);
  const filtered = input.search !== undefined || input.kind !== undefined;
  return {
    input,
    filtered,
    sort: { sort: input.sort, direction: input.direction } satisfies TSortState,
    // Newest first is the default, so only other choices go into the URL.
    setSort: (next: TSortState) =>
      setParams({
        sort: next.sort === "createdAt" ? null : next.sort,
        dir: next.direction === "desc" ? null : next.direction,
        page: null,
      }),
    setPage: (page: number) => setParams({ page: page === 1 ? null : page }),
    setPageSize: (size: number) => setParams({ size, page: null }),
    setSearch: (search: string) =>
      setParams({ q: search, page: null }, { replace: (input.search ?? "") !== "" && search !== "" }),
    setKind: (kind: string | undefined) => setParams({ kind, page: null }),
    setIncludeInCrm: (include: boolean) => setParams({ crm: include ? "1" : null, page: null }),
    reset: () => setParams(Object.fromEntries(PROSPECT_FILTER_KEYS.map((key) => [key, null]))),
  };
}
