"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { DataTableLoadState } from "@/components/data-table/data-table-load-state";
import { DataTablePagination } from "@/components/data-table/data-table-pagination";
import { PastLastPage } from "@/components/records/list-empty-state";
import { useTRPC } from "@/components/trpc/provider";
import type { TEnrichmentRow } from "@/server/mapping/enrichment-schemas";
import { EnrichmentBulkBar } from "./enrichment-bulk-bar";
import { EnrichmentEmptyState } from "./enrichment-empty-state";
import { EnrichmentFilters } from "./enrichment-filters";
import { ENRICHMENT_PAGE_SIZES } from "./enrichment-params";
import { EnrichmentRecord } from "./enrichment-record";
import { hasPendingValues, keepItem, tandemValueItem } from "./enrichment-targets";
import { OneOffPushDialog } from "./one-off-push-dialog";
import { PushOffNotice } from "./push-off-notice";
import { useEnrichmentActions } from "./use-enrichment-actions";
import { useEnrichmentParams } from "./use-enrichment-params";

/** While a value is on its way, the list looks again this often, so "Pushing…" clears by itself. */
const PENDING_REFRESH_MS = 5_000;

/**
 * MAP-5's worklist: linked records whose fields are empty in Salesforce or differ from the prospect
 * data, driven by the URL (see enrichment-params.ts), with per-field, per-record and bulk choices.
 */
export function EnrichmentView({ isAdmin }: { isAdmin: boolean }) {
  const trpc = useTRPC();
  const params = useEnrichmentParams();
  const { input } = params;
  const list = useQuery({
    ...trpc.enrichment.list.queryOptions(input),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (hasPendingValues(query.state.data) ? PENDING_REFRESH_MS : false),
  });
  // A selection belongs to the filters it was made under: other filters start with none.
  const scope = JSON.stringify([input.object, input.field, input.ownerSfId, input.status, input.includeKept]);
  const [selection, setSelection] = useState<{ scope: string; rows: ReadonlyMap<string, TEnrichmentRow> }>({
    scope,
    rows: new Map(),
  });
  const selected = selection.scope === scope ? selection.rows : new Map<string, TEnrichmentRow>();
  const clearSelection = () => setSelection({ scope, rows: new Map() });
  const actions = useEnrichmentActions({ onQueued: clearSelection });

  const data = list.data;
  if (!data) {
    return <DataTableLoadState what="The enrichment list" retry={() => void list.refetch()} failed={list.isError} />;
  }

  const toggle = (rows: readonly TEnrichmentRow[], on: boolean) => {
    const next = new Map(selected);
    for (const row of rows) {
      if (on) next.set(row.recordId, row);
      else next.delete(row.recordId);
    }
    setSelection({ scope, rows: next });
  };
  const onPage = data.rows.filter((row) => selected.has(row.recordId)).length;
  const pageState = onPage === 0 ? "none" : onPage === data.rows.length ? "all" : "some";
  const chosen = [...selected.values()];
  // Nothing to filter yet: the empty state alone says what to do.
  const nothingYet = data.total === 0 && !params.filtered && !input.includeKept;

  return (
    <div className="grid gap-3">
      {data.total > 0 ? <PushOffNotice pushEnabled={data.pushEnabled} isAdmin={isAdmin} /> : null}
      {nothingYet ? null : (
        <EnrichmentFilters
          input={input}
          list={data}
          onFilter={params.setFilter}
          onReset={params.filtered || input.includeKept ? params.reset : undefined}
        />
      )}
      {data.total === 0 ? (
        <EnrichmentEmptyState
          filtered={params.filtered}
          onReset={params.reset}
          isAdmin={isAdmin}
          linked={data.linked}
        />
      ) : data.rows.length === 0 ? (
        <PastLastPage
          page={data.page}
          lastPage={Math.ceil(data.total / data.pageSize)}
          onGo={(page) => params.setPage(page)}
        />
      ) : (
        <>
          <EnrichmentBulkBar
            pageState={pageState}
            onTogglePage={() => toggle(data.rows, pageState !== "all")}
            selected={selected.size}
            onClear={clearSelection}
            onUseTandem={() =>
              actions.applyTandemValue(
                "bulk:use",
                chosen.map((row) => tandemValueItem(row)),
              )
            }
            onKeep={() =>
              actions.keepSalesforceValue(
                "bulk:keep",
                chosen.map((row) => keepItem(row)),
              )
            }
            running={actions.running}
            busy={actions.busy}
          />
          <ul
            aria-label="Records to enrich"
            aria-busy={(list.isFetching && list.isPlaceholderData) || undefined}
            className="grid gap-3"
          >
            {data.rows.map((row) => (
              <EnrichmentRecord
                key={row.recordId}
                row={row}
                selected={selected.has(row.recordId)}
                onToggle={() => toggle([row], !selected.has(row.recordId))}
                actions={actions}
              />
            ))}
          </ul>
          <DataTablePagination
            noun={data.total === 1 ? "record" : "records"}
            page={data.page}
            pageSize={data.pageSize}
            total={data.total}
            pageSizes={ENRICHMENT_PAGE_SIZES}
            onPageChange={params.setPage}
            onPageSizeChange={params.setPageSize}
          />
        </>
      )}
      <OneOffPushDialog
        request={actions.oneOff}
        pending={actions.busy}
        isAdmin={isAdmin}
        onConfirm={() => void actions.confirmOneOff()}
        onCancel={actions.cancelOneOff}
      />
    </div>
  );
}
