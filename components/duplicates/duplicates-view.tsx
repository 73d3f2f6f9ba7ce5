"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useId, useRef } from "react";
import { DataTableLoadState } from "@/components/data-table/data-table-load-state";
import { DataTablePagination } from "@/components/data-table/data-table-pagination";
import { PastLastPage } from "@/components/records/list-empty-state";
import { useTRPC } from "@/components/trpc/provider";
import type { TDuplicatePair } from "@/server/duplicates/duplicate-schemas";
import { groupByCluster, type TPairGroup } from "./duplicate-display";
import { DuplicatePairCard } from "./duplicate-pair-card";
import { DuplicatesEmptyState } from "./duplicates-empty-state";
import { DuplicatesFilters } from "./duplicates-filters";
import { DUPLICATES_PAGE_SIZES } from "./duplicates-params";
import { MergeDialog } from "./merge-dialog";
import { useDuplicateActions } from "./use-duplicate-actions";
import { useDuplicatesParams } from "./use-duplicates-params";

type TCardProps = {
  deciding: string | null;
  onMerge: (pair: TDuplicatePair, opener: HTMLElement) => void;
  onDecide: (pair: TDuplicatePair, decision: "dismiss" | "later" | "reopen") => void;
};

/** Pairs that share records: a heading when the group holds more than two records, then its pairs. */
function PairGroup({ group, ...card }: { group: TPairGroup } & TCardProps) {
  const headingId = useId();
  const cards = (level: 2 | 3) =>
    group.pairs.map((pair) => (
      <li key={pair.id}>
        <DuplicatePairCard
          pair={pair}
          headingLevel={level}
          busy={card.deciding === pair.id}
          deciding={card.deciding === pair.id}
          onMerge={(opener) => card.onMerge(pair, opener)}
          onDecide={(decision) => card.onDecide(pair, decision)}
        />
      </li>
    ));
  if (group.cluster.records <= 2) return cards(2);
  return (
    <li>
      <section aria-labelledby={headingId} className="grid gap-3 sm:rounded-xl sm:border sm:border-dashed sm:p-4">
        <div>
          <h2 id={headingId} className="text-sm font-semibold">
            {group.cluster.records} records that look alike
          </h2>
          <p className="text-sm text-muted-foreground">
            {group.cluster.pairs} pairs among them. Merge one pair at a time; the rest update as you go.
          </p>
        </div>
        <ul className="grid gap-3">{cards(3)}</ul>
      </section>
    </li>
  );
}

/**
 * DUP-1's review queue, driven by the URL (duplicates-params.ts): potential duplicates grouped by
 * the records they share, each to merge, set apart or put off; the merge dialog opens from the URL.
 */
export function DuplicatesView({ isAdmin }: { isAdmin: boolean }) {
  const trpc = useTRPC();
  const params = useDuplicatesParams();
  const { input } = params;
  const list = useQuery({ ...trpc.duplicates.list.queryOptions(input), placeholderData: keepPreviousData });
  const actions = useDuplicateActions(input);
  const listRef = useRef<HTMLDivElement>(null);
  const openerRef = useRef<HTMLElement | null>(null);

  const dialog = (
    <MergeDialog
      pairId={params.openPair}
      isAdmin={isAdmin}
      onClose={() => params.setOpenPair(null)}
      onMerged={(result, names) => {
        openerRef.current = null;
        params.setOpenPair(null);
        actions.merged(result, names);
      }}
      onCloseAutoFocus={(event) => {
        // Focus goes back to the "Merge…" that opened the dialog; once merged (its card is gone),
        // or when a link opened it, to the queue.
        event.preventDefault();
        const opener = openerRef.current;
        openerRef.current = null;
        if (opener?.isConnected) opener.focus();
        else listRef.current?.focus({ preventScroll: true });
      }}
    />
  );

  const data = list.data;
  if (!data) {
    return (
      <>
        <DataTableLoadState what="The review queue" retry={() => void list.refetch()} failed={list.isError} />
        {dialog}
      </>
    );
  }
  const nothingYet = data.total === 0 && !params.filtered && !input.includeLater;
  return (
    <div className="grid gap-3">
      {nothingYet ? null : (
        <DuplicatesFilters
          input={input}
          list={data}
          onFilter={params.setFilter}
          onReset={params.filtered || input.includeLater ? params.reset : undefined}
        />
      )}
      {data.total === 0 ? (
        <DuplicatesEmptyState
          filtered={params.filtered}
          includeLater={input.includeLater}
          onReset={params.reset}
          onShowLater={() => params.setFilter("later", "1")}
        />
      ) : data.rows.length === 0 ? (
        <PastLastPage page={data.page} lastPage={Math.ceil(data.total / data.pageSize)} onGo={params.setPage} />
      ) : (
        <div ref={listRef} tabIndex={-1} className="grid gap-3 outline-none">
          <ul
            aria-label="Potential duplicates"
            aria-busy={(list.isFetching && list.isPlaceholderData) || undefined}
            className="grid gap-3"
          >
            {groupByCluster(data.rows).map((group) => (
              <PairGroup
                key={`${group.cluster.id}:${group.pairs[0]!.id}`}
                group={group}
                deciding={actions.deciding}
                onMerge={(pair, opener) => {
                  openerRef.current = opener;
                  params.setOpenPair(pair.id);
                }}
                onDecide={(pair, decision) => void actions.decidePair(pair, decision)}
              />
            ))}
          </ul>
          <DataTablePagination
            noun={data.total === 1 ? "pair" : "pairs"}
            page={data.page}
            pageSize={data.pageSize}
            total={data.total}
            pageSizes={DUPLICATES_PAGE_SIZES}
            onPageChange={params.setPage}
            onPageSizeChange={params.setPageSize}
          />
        </div>
      )}
      {dialog}
    </div>
  );
}
