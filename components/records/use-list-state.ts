"use client";

import { useMemo } from "react";
import { useTableParams } from "@/components/data-table/use-table-params";
import type { TSortState } from "@/components/data-table/data-table-column-header";
import { FILTER_PARAM_KEYS, type TSearchParams } from "./list-params";

type TListInputBase = { page?: number; pageSize?: number; sort?: string; direction?: "asc" | "desc"; search?: string };

/**
 * A list page's state from its URL, and the moves that change it. Anything that changes which
 * rows match goes back to page 1; typing in the search box replaces the history entry rather than
 * adding one per pause.
 */
export function useListState<TInput extends TListInputBase>(parse: (params: TSearchParams) => TInput) {
  const { searchParams, setParams } = useTableParams();
  const input = useMemo(() => parse(searchParams), [parse, searchParams]);
  const filtered = FILTER_PARAM_KEYS.some((key) => key !== "page" && searchParams.has(key));

  return {
    input,
    filtered,
    sort: { sort: input.sort ?? "name", direction: input.direction ?? "asc" } satisfies TSortState,
    setSort: (next: TSortState) =>
      setParams({ sort: next.sort, dir: next.direction === "asc" ? null : "desc", page: null }),
    setPage: (page: number) => setParams({ page: page === 1 ? null : page }),
    setPageSize: (size: number) => setParams({ size, page: null }),
    setSearch: (search: string) =>
      setParams({ q: search, page: null }, { replace: (input.search ?? "") !== "" && search !== "" }),
    setFilter: (key: string, value: string | undefined) => setParams({ [key]: value, page: null }),
    reset: () => setParams(Object.fromEntries(FILTER_PARAM_KEYS.map((key) => [key, null]))),
  };
}
