"use client";

import { DataTable, type TDataTableColumn } from "@/components/data-table/data-table";
import type { TSortState } from "@/components/data-table/data-table-column-header";
import { DataTablePagination } from "@/components/data-table/data-table-pagination";
import { DataTableSearch } from "@/components/data-table/data-table-search";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { PAGE_SIZES } from "@/server/records/list-schemas";
import type { TListContext } from "@/server/records/record-schemas";
import { HiddenNotice } from "./hidden-notice";
import { ListEmptyState, PastLastPage } from "./list-empty-state";

type TListState = {
  filtered: boolean;
  sort: TSortState;
  setSort: (next: TSortState) => void;
  setPage: (page: number) => void;
  setPageSize: (size: number) => void;
  setSearch: (search: string) => void;
  reset: () => void;
};

/**
 * The frame every record list shares: hidden-object notice, search and filters, the table or the
 * empty state that fits, and pagination.
 */
export function RecordList<TRow extends { id: string }>({
  data,
  state,
  search,
  searchPlaceholder,
  filters,
  columns,
  noun,
  label,
  tableClassName,
  canSetUp,
  busy,
}: {
  data: { rows: TRow[]; total: number; page: number; pageSize: number; context: TListContext };
  state: TListState;
  search: string;
  searchPlaceholder: string;
  filters: React.ReactNode;
  columns: TDataTableColumn<TRow>[];
  noun: string;
  label: string;
  tableClassName: string;
  canSetUp: boolean;
  busy: boolean;
}) {
  return (
    <div className="grid gap-3">
      <HiddenNotice objects={data.context.hiddenObjects} />
      {/* Nothing to search or filter yet: the empty state alone says what to do. */}
      {data.total === 0 && !state.filtered ? null : (
        <DataTableToolbar onReset={state.filtered ? state.reset : undefined}>
          <DataTableSearch
            label={`Search ${noun}`}
            placeholder={searchPlaceholder}
            value={search}
            onChange={state.setSearch}
          />
          {filters}
        </DataTableToolbar>
      )}
      {data.total === 0 ? (
        <ListEmptyState
          context={data.context}
          filtered={state.filtered}
          onReset={state.reset}
          noun={noun}
          canSetUp={canSetUp}
        />
      ) : data.rows.length === 0 ? (
        <PastLastPage page={data.page} lastPage={Math.ceil(data.total / data.pageSize)} onGo={state.setPage} />
      ) : (
        <>
          <DataTable
            label={label}
            columns={columns}
            rows={data.rows}
            sort={state.sort}
            onSort={state.setSort}
            busy={busy}
            tableClassName={tableClassName}
          />
          <DataTablePagination
            noun={noun}
            page={data.page}
            pageSize={data.pageSize}
            total={data.total}
            pageSizes={PAGE_SIZES}
            onPageChange={state.setPage}
            onPageSizeChange={state.setPageSize}
          />
        </>
      )}
    </div>
  );
}
