"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { TDataTableColumn } from "@/components/data-table/data-table";
import { DataTableFilter } from "@/components/data-table/data-table-filter";
import { useTRPC } from "@/components/trpc/provider";
import type { TPersonRow } from "@/server/records/list-schemas";
import { AccountChip } from "./account-chip";
import { HiddenState } from "./hidden-notice";
import { DataTableLoadState } from "@/components/data-table/data-table-load-state";
import { peopleListInput } from "./list-params";
import { MutedCell } from "./muted-cell";
import { KindBadge, SourceCell } from "./record-badges";
import { RecordList } from "./record-list";
import { RecordLinkCell, RecordNameCell } from "./record-name-cell";
import { SOURCE_OPTIONS } from "./source-options";
import { useListState } from "./use-list-state";

const COLUMNS: TDataTableColumn<TPersonRow>[] = [
  {
    id: "name",
    header: "Name",
    sortKey: "name",
    className: "w-[13rem] @3xl:w-[14rem]",
    cell: (row) => (
      <RecordNameCell
        pushState={row.pushState}
        href={`/people/${row.id}`}
        name={row.name}
        salesforceUrl={row.salesforceUrl}
        subline={[row.title, row.company].filter(Boolean).join(" · ") || row.email}
      />
    ),
  },
  {
    id: "kind",
    header: "Kind",
    sortKey: "kind",
    className: "w-[5.5rem]",
    cell: (row) => <KindBadge kind={row.kind} />,
  },
  {
    id: "title",
    header: "Title",
    sortKey: "title",
    className: "hidden @3xl:table-cell",
    cell: (row) => <MutedCell text={row.title} />,
  },
  {
    id: "company",
    header: "Company / account",
    sortKey: "company",
    className: "hidden @3xl:table-cell",
    cell: (row) =>
      row.account ? (
        <RecordLinkCell href={`/accounts/${row.account.id}`} name={row.account.name} />
      ) : (
        <MutedCell text={row.company} />
      ),
  },
  {
    id: "email",
    header: "Email",
    sortKey: "email",
    className: "hidden @4xl:table-cell",
    cell: (row) => <MutedCell text={row.email} />,
  },
  {
    id: "owner",
    header: "Owner",
    sortKey: "owner",
    className: "hidden @xl:table-cell w-[8.5rem]",
    cell: (row) => <MutedCell text={row.owner} />,
  },
  {
    id: "source",
    header: "Source",
    sortKey: "source",
    className: "hidden @5xl:table-cell w-24",
    cell: (row) => <SourceCell source={row.source} />,
  },
];

/** Contacts and leads from Salesforce, driven by the URL (see list-params.ts). */
export function PeopleTable({ canSetUp }: { canSetUp: boolean }) {
  const trpc = useTRPC();
  const state = useListState(peopleListInput);
  const { input } = state;
  const list = useQuery({ ...trpc.records.people.list.queryOptions(input), placeholderData: keepPreviousData });
  const owners = useQuery(trpc.records.owners.queryOptions({ object: "people" }));
  const data = list.data;
  if (!data) return <DataTableLoadState retry={() => void list.refetch()} failed={list.isError} />;

  const hidden = data.context.hiddenObjects;
  if (hidden.length === 2) return <HiddenState objects={hidden} />;
  const kindOptions = [
    { value: "contact", label: "Contacts" },
    { value: "lead", label: "Leads" },
  ].filter((option) => !hidden.includes(option.value === "contact" ? "Contact" : "Lead"));

  return (
    <RecordList
      data={data}
      state={state}
      search={input.search ?? ""}
      searchPlaceholder="Search name, email, company…"
      noun="people"
      label="People"
      columns={COLUMNS}
      tableClassName="min-w-[20rem]"
      canSetUp={canSetUp}
      busy={list.isFetching && list.isPlaceholderData}
      filters={
        <>
          {kindOptions.length > 1 ? (
            <DataTableFilter
              label="Kind"
              allLabel="All kinds"
              value={input.kind}
              options={kindOptions}
              onChange={(value) => state.setFilter("kind", value)}
            />
          ) : null}
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
