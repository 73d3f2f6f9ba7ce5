"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { DataTable } from "@/components/data-table/data-table";
import { DataTableFilter } from "@/components/data-table/data-table-filter";
import { DataTablePagination } from "@/components/data-table/data-table-pagination";
import { DataTableSearch } from "@/components/data-table/data-table-search";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { DataTableLoadState } from "@/components/data-table/data-table-load-state";
import { useTRPC } from "@/components/trpc/provider";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import { PROSPECT_PAGE_SIZES } from "./list-params";
import { PROSPECT_COLUMNS } from "./prospect-columns";
import { ProspectsEmptyState } from "./prospects-empty-state";
import { useProspectListState } from "./use-prospect-list-state";

const KIND_OPTIONS = [
  { value: "person", label: "People" },
  { value: "company", label: "Companies" },
];
const numbers = new Intl.NumberFormat("en");

/** The prospect database, driven by the URL (see list-params.ts). */
export function ProspectsView() {
  const trpc = useTRPC();
  const state = useProspectListState();
  const { input } = state;
  const list = useQuery({ ...trpc.prospects.list.queryOptions(input), placeholderData: keepPreviousData });
  const data = list.data;
  if (!data) return <DataTableLoadState what="Prospects" retry={() => void list.refetch()} failed={list.isError} />;

  const hidden = input.includeInCrm ? 0 : data.hiddenInCrm;
  // An empty database has nothing to search or filter: only the next steps are shown.
  const nothingYet = data.total === 0 && hidden === 0 && !state.filtered && !input.includeInCrm;
  return (
    <div className="grid gap-3">
      {nothingYet ? null : (
        <DataTableToolbar
          onReset={state.filtered ? state.reset : undefined}
          summary={hidden > 0 ? `${numbers.format(hidden)} in CRM hidden` : undefined}
        >
          <DataTableSearch
            label="Search prospects"
            placeholder="Search name, email, company…"
            value={input.search ?? ""}
            onChange={state.setSearch}
          />
          <DataTableFilter
            label="Kind"
            allLabel="People and companies"
            value={input.kind}
            options={KIND_OPTIONS}
            onChange={state.setKind}
          />
          <div className="flex h-8 items-center gap-2 rounded-md border px-2.5 shadow-xs">
            <Switch id="show-in-crm" checked={input.includeInCrm} onCheckedChange={state.setIncludeInCrm} />
            <Label htmlFor="show-in-crm" className="text-sm font-normal whitespace-nowrap">
              Show prospects already in CRM
            </Label>
          </div>
        </DataTableToolbar>
      )}
      {data.total === 0 ? (
        <ProspectsEmptyState
          filtered={state.filtered}
          hiddenInCrm={hidden}
          onReset={state.reset}
          onShowInCrm={() => state.setIncludeInCrm(true)}
        />
      ) : (
        <>
          <DataTable
            label="Prospects"
            columns={PROSPECT_COLUMNS}
            rows={data.rows}
            sort={state.sort}
            onSort={state.setSort}
            busy={list.isFetching && list.isPlaceholderData}
            tableClassName="min-w-[20rem] sm:min-w-[28rem] md:min-w-[50rem]"
          />
          <DataTablePagination
            noun="prospects"
            page={data.page}
            pageSize={data.pageSize}
            total={data.total}
            pageSizes={PROSPECT_PAGE_SIZES}
            onPageChange={state.setPage}
            onPageSizeChange={state.setPageSize}
          />
        </>
      )}
    </div>
  );
}
