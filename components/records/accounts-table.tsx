"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { TDataTableColumn } from "@/components/data-table/data-table";
import { DataTableFilter } from "@/components/data-table/data-table-filter";
import { useTRPC } from "@/components/trpc/provider";
import type { TAccountRow } from "@/server/records/list-schemas";
import { formatNumber } from "./format";
import { HiddenState } from "./hidden-notice";
import { accountsListInput } from "./list-params";
import { DataTableLoadState } from "@/components/data-table/data-table-load-state";
import { MutedCell } from "./muted-cell";
import { RecordList } from "./record-list";
import { RecordNameCell } from "./record-name-cell";
import { SOURCE_OPTIONS } from "./source-options";
import { useListState } from "./use-list-state";
import { WebsiteLink } from "./website-link";

function place(row: TAccountRow) {
  return [row.city, row.country].filter(Boolean).join(", ") || null;
}

function Count({ value }: { value: number | null }) {
  return value ? (
    <span className="tabular-nums">{formatNumber(value)}</span>
  ) : (
    <span className="text-muted-foreground/50 tabular-nums">0</span>
  );
}

function columnsFor(showContacts: boolean, showOpportunities: boolean): TDataTableColumn<TAccountRow>[] {
  return [
    {
      id: "name",
      header: "Name",
      sortKey: "name",
      className: "w-[13rem] @3xl:w-[15rem]",
      cell: (row) => (
        <RecordNameCell
          pushState={row.pushState}
          href={`/accounts/${row.id}`}
          name={row.name}
          salesforceUrl={row.salesforceUrl}
          subline={[row.industry, place(row)].filter(Boolean).join(" · ")}
        />
      ),
    },
    {
      id: "website",
      header: "Website",
      sortKey: "website",
      className: "hidden @xl:table-cell w-40",
      cell: (row) => <WebsiteLink website={row.website} domain={row.domain} />,
    },
    {
      id: "industry",
      header: "Industry",
      sortKey: "industry",
      className: "hidden @3xl:table-cell",
      cell: (row) => <MutedCell text={row.industry} />,
    },
    {
      id: "location",
      header: "Location",
      sortKey: "location",
      className: "hidden @3xl:table-cell",
      cell: (row) => <MutedCell text={place(row)} />,
    },
    {
      id: "owner",
      header: "Owner",
      sortKey: "owner",
      className: "hidden @4xl:table-cell w-[8.5rem]",
      cell: (row) => <MutedCell text={row.owner} />,
    },
    ...(showContacts
      ? [
          {
            id: "contacts",
            header: "Contacts",
            align: "right" as const,
            className: "w-[5.5rem]",
            cell: (row: TAccountRow) => <Count value={row.contactCount} />,
          },
        ]
      : []),
    ...(showOpportunities
      ? [
          {
            id: "opportunities",
            header: "Open opps",
            align: "right" as const,
            className: "hidden @xl:table-cell w-[5.5rem]",
            cell: (row: TAccountRow) => <Count value={row.openOpportunityCount} />,
          },
        ]
      : []),
  ];
}

/** Accounts from Salesforce, driven by the URL (see list-params.ts). */
export function AccountsTable({ canSetUp }: { canSetUp: boolean }) {
  const trpc = useTRPC();
  const state = useListState(accountsListInput);
  const { input } = state;
  const list = useQuery({ ...trpc.records.accounts.list.queryOptions(input), placeholderData: keepPreviousData });
  const owners = useQuery(trpc.records.owners.queryOptions({ object: "accounts" }));
  const data = list.data;
  if (!data) return <DataTableLoadState retry={() => void list.refetch()} failed={list.isError} />;
  if (data.context.hiddenObjects.includes("Account")) return <HiddenState objects={["Account"]} />;
  const first = data.rows[0];

  return (
    <RecordList
      data={data}
      state={state}
      search={input.search ?? ""}
      searchPlaceholder="Search name or website…"
      noun="accounts"
      label="Accounts"
      columns={columnsFor(first?.contactCount !== null, first?.openOpportunityCount !== null)}
      tableClassName="min-w-[20rem]"
      canSetUp={canSetUp}
      busy={list.isFetching && list.isPlaceholderData}
      filters={
        <>
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
        </>
      }
    />
  );
}
