"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { DataTableFilter } from "@/components/data-table/data-table-filter";
import { DataTablePagination } from "@/components/data-table/data-table-pagination";
import { DataTableSearch } from "@/components/data-table/data-table-search";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { DataTableLoadState } from "@/components/data-table/data-table-load-state";
import { useTRPC } from "@/components/trpc/provider";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import type { TPersonAs } from "./add-all-dialog";
import { AddToCrmBar } from "./add-to-crm-bar";
import { AddToCrmSummary } from "./add-to-crm-summary";
import { PROSPECT_PAGE_SIZES } from "./list-params";
import { prospectColumns } from "./prospect-columns";
import { ProspectsEmptyState } from "./prospects-empty-state";
import { useAddToCrm } from "./use-add-to-crm";
import { useProspectListState } from "./use-prospect-list-state";

const KIND_OPTIONS = [
  { value: "person", label: "People" },
  { value: "company", label: "Companies" },
];
const numbers = new Intl.NumberFormat("en");

/**
 * The prospect database, driven by the URL (see list-params.ts), with "Add to CRM" for a row, a
 * selection (kept across pages) or every prospect.
 */
export function ProspectsView() {
  const trpc = useTRPC();
  const state = useProspectListState();
  const { input } = state;
  const list = useQuery({ ...trpc.prospects.list.queryOptions(input), placeholderData: keepPreviousData });
  const options = useQuery(trpc.crm.form.options.queryOptions());
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [chosenAs, setChosenAs] = useState<TPersonAs | null>(null);
  const adder = useAddToCrm({ onAdded: () => setSelected(new Set()) });
  const as: TPersonAs = chosenAs ?? (options.data?.personDefault === "Lead" ? "lead" : "contact");
  const data = list.data;
  if (!data) return <DataTableLoadState what="Prospects" retry={() => void list.refetch()} failed={list.isError} />;

  const addable = data.rows.filter((row) => !row.inCrm);
  const onPage = addable.filter((row) => selected.has(row.id)).length;
  const pageState = addable.length === 0 ? null : onPage === addable.length ? "all" : onPage > 0 ? "some" : "none";
  const toggle = (ids: string[], on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  const columns = prospectColumns({
    isSelected: (id) => selected.has(id),
    onToggle: (row) => toggle([row.id], !selected.has(row.id)),
    onAdd: (row) => adder.run({ target: { ids: [row.id] }, as }, row.name),
    adding: new Set(adder.pendingIds),
    busy: adder.pending,
  });

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
      {adder.result ? <AddToCrmSummary result={adder.result} onDismiss={adder.dismissResult} /> : null}
      {data.total === 0 ? (
        <ProspectsEmptyState
          filtered={state.filtered}
          hiddenInCrm={hidden}
          onReset={state.reset}
          onShowInCrm={() => state.setIncludeInCrm(true)}
        />
      ) : (
        <>
          <AddToCrmBar
            pageState={pageState}
            onTogglePage={() =>
              toggle(
                addable.map((row) => row.id),
                pageState !== "all",
              )
            }
            selected={selected.size}
            onClear={() => setSelected(new Set())}
            as={as}
            onAsChange={setChosenAs}
            onAddSelected={() =>
              adder.run(
                { target: { ids: [...selected] }, as },
                `${numbers.format(selected.size)} ${selected.size === 1 ? "prospect" : "prospects"}`,
              )
            }
            onAddAll={(allAs, count) =>
              adder.run({ target: { all: true }, as: allAs }, `${numbers.format(count)} prospects`)
            }
            running={adder.running}
          />
          <DataTable
            label="Prospects"
            columns={columns}
            rows={data.rows}
            sort={state.sort}
            onSort={state.setSort}
            busy={list.isFetching && list.isPlaceholderData}
            tableClassName="min-w-[22rem] sm:min-w-[36rem] md:min-w-[58rem]"
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
