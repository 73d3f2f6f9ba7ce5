"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { TDataTableColumn } from "@/components/data-table/data-table";
import { DataTableFilter } from "@/components/data-table/data-table-filter";
import { useTRPC } from "@/components/trpc/provider";
import type { TOpportunityRow } from "@/server/records/list-schemas";
import { AccountChip } from "./account-chip";
import { formatCurrency, formatDate } from "./format";
import { HiddenState } from "./hidden-notice";
import { opportunitiesListInput } from "./list-params";
import { DataTableLoadState } from "@/components/data-table/data-table-load-state";
import { MutedCell } from "./muted-cell";
import { RecordList } from "./record-list";
import { RecordLinkCell, RecordNameCell } from "./record-name-cell";
import { SOURCE_OPTIONS } from "./source-options";
import { StageCell } from "./stage-cell";
import { useListState } from "./use-list-state";

const STATUS_OPTIONS = [
  { value: "open", label: "Open" },
  { value: "won", label: "Won" },
  { value: "lost", label: "Lost" },
];

const COLUMNS: TDataTableColumn<TOpportunityRow>[] = [
  {
    id: "name",
    header: "Name",
    sortKey: "name",
    // Deal names run long; this column takes the room the fixed ones leave.
    className: "min-w-[12rem]",
    cell: (row) => (
      <RecordNameCell
        pushState={row.pushState}
        href={`/opportunities/${row.id}`}
        name={row.name}
        salesforceUrl={row.salesforceUrl}
        subline={[row.account?.name, row.stage].filter(Boolean).join(" · ")}
      />
    ),
  },
  {
    id: "account",
    header: "Account",
    sortKey: "account",
    className: "hidden @3xl:table-cell w-[12rem]",
    cell: (row) =>
      row.account ? (
        <RecordLinkCell href={`/accounts/${row.account.id}`} name={row.account.name} />
      ) : (
        <MutedCell text={null} />
      ),
  },
  {
    id: "stage",
    header: "Stage",
    sortKey: "stage",
    className: "hidden @xl:table-cell w-40",
    cell: (row) => <StageCell row={row} />,
  },
  {
    id: "amount",
    header: "Amount",
    sortKey: "amount",
    align: "right",
    className: "w-28",
    cell: (row) => (row.amount === null ? <MutedCell text={null} /> : formatCurrency(row.amount, row.currency)),
  },
  {
    id: "closeDate",
    header: "Close date",
    sortKey: "closeDate",
    className: "hidden @3xl:table-cell w-32 tabular-nums",
    cell: (row) => <MutedCell text={row.closeDate ? formatDate(row.closeDate) : null} />,
  },
  {
    id: "owner",
    header: "Owner",
    sortKey: "owner",
    className: "hidden @4xl:table-cell w-[8.5rem]",
    cell: (row) => <MutedCell text={row.owner} />,
  },
];

/** Opportunities from Salesforce, driven by the URL (see list-params.ts). */
export function OpportunitiesTable({ canSetUp }: { canSetUp: boolean }) {
  const trpc = useTRPC();
  const state = useListState(opportunitiesListInput);
  const { input } = state;
  const list = useQuery({ ...trpc.records.opportunities.list.queryOptions(input), placeholderData: keepPreviousData });
  const owners = useQuery(trpc.records.owners.queryOptions({ object: "opportunities" }));
  const data = list.data;
  if (!data) return <DataTableLoadState retry={() => void list.refetch()} failed={list.isError} />;
  if (data.context.hiddenObjects.includes("Opportunity")) return <HiddenState objects={["Opportunity"]} />;

  return (
    <RecordList
      data={data}
      state={state}
      search={input.search ?? ""}
      searchPlaceholder="Search name or account…"
      noun="opportunities"
      label="Opportunities"
      columns={COLUMNS}
      tableClassName="min-w-[20rem]"
      canSetUp={canSetUp}
      busy={list.isFetching && list.isPlaceholderData}
      filters={
        <>
          <DataTableFilter
            label="Status"
            allLabel="Any status"
            value={input.status}
            options={STATUS_OPTIONS}
            onChange={(value) => state.setFilter("status", value)}
          />
          <DataTableFilter
            label="Owner"
            allLabel="All owners"
            value={input.owner}
            options={owners.data ?? []}
            onChange={(value) => state.setFilter("owner", value)}
          />
          <DataTableFilter
            label="Source"
            allLabel="All sources"
            value={input.source}
            options={SOURCE_OPTIONS}
            onChange={(value) => state.setFilter("source", value)}
          />
          {data.account ? (
            <AccountChip account={data.account} onClear={() => state.setFilter("account", undefined)} />
          ) : null}
        </>
      }
    />
  );
}
