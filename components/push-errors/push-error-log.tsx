"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { CircleCheckIcon, RotateCwIcon, SearchXIcon } from "lucide-react";
import { useMemo } from "react";
import { DataTableFilter } from "@/components/data-table/data-table-filter";
import { DataTableLoadState } from "@/components/data-table/data-table-load-state";
import { DataTablePagination } from "@/components/data-table/data-table-pagination";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { useTableParams } from "@/components/data-table/use-table-params";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { ERROR_PAGE_SIZES, type TErrorStateFilter } from "@/server/push-errors/push-error-schemas";
import { ERROR_PARAM_KEYS, errorListInput } from "./error-list-params";
import { ErrorTable } from "./error-table";
import { useErrorActions } from "./use-error-actions";

const STATE_OPTIONS: Array<{ value: TErrorStateFilter; label: string }> = [
  { value: "open", label: "Open and retrying" },
  { value: "resolved", label: "Resolved" },
  { value: "dismissed", label: "Dismissed" },
  { value: "all", label: "All states" },
];

/** ERR-1: the error log, driven by its URL (see error-list-params.ts). */
export function PushErrorLog() {
  const trpc = useTRPC();
  const { searchParams, setParams } = useTableParams();
  const input = useMemo(() => errorListInput(searchParams), [searchParams]);
  const list = useQuery({ ...trpc.push.errors.list.queryOptions(input), placeholderData: keepPreviousData });
  const actions = useErrorActions();
  const filtered = input.object !== undefined || input.code !== undefined;
  const setFilter = (key: string, value: string | undefined) => setParams({ [key]: value, page: null });
  const reset = () => setParams(Object.fromEntries(ERROR_PARAM_KEYS.map((key) => [key, null])));

  const data = list.data;
  if (!data) return <DataTableLoadState retry={() => void list.refetch()} failed={list.isError} what="The error log" />;
  const codeEntry = input.code ? data.codes.find((entry) => entry.code === input.code) : undefined;

  return (
    <div className="grid gap-3">
      <DataTableToolbar
        onReset={filtered || input.state !== "open" ? reset : undefined}
        summary={data.total > 0 ? `${data.total.toLocaleString("en")} ${data.total === 1 ? "error" : "errors"}` : null}
      >
        <Select value={input.state} onValueChange={(value) => setFilter("state", value === "open" ? undefined : value)}>
          <SelectTrigger size="sm" aria-label="State" className={input.state !== "open" ? "border-primary/40" : ""}>
            <SelectValue />
          </SelectTrigger>
          <SelectContent align="start">
            {STATE_OPTIONS.map((option) => (
              <SelectItem key={option.value} value={option.value}>
                {option.label}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
        {/* An empty log has nothing to filter by; the state still leads to resolved and dismissed errors. */}
        {data.objects.length > 0 || filtered ? (
          <>
            <DataTableFilter
              label="Object"
              allLabel="All objects"
              value={input.object}
              options={data.objects.map((object) => ({ value: object, label: object }))}
              onChange={(value) => setFilter("object", value)}
            />
            <DataTableFilter
              label="Salesforce code"
              allLabel="All codes"
              value={input.code}
              options={data.codes.map((entry) => ({ value: entry.code, label: `${entry.code} (${entry.total})` }))}
              onChange={(value) => setFilter("code", value)}
            />
          </>
        ) : null}
        {codeEntry && codeEntry.open > 0 ? (
          <Button
            size="sm"
            variant="outline"
            pending={actions.busy}
            onClick={() => actions.retry.mutate({ code: codeEntry.code })}
          >
            <RotateCwIcon /> Retry all {codeEntry.open.toLocaleString("en")} with this code
          </Button>
        ) : null}
      </DataTableToolbar>
      {data.total === 0 ? (
        <EmptyLog state={input.state ?? "open"} filtered={filtered} onReset={reset} />
      ) : data.rows.length === 0 ? (
        <EmptyState
          icon={<SearchXIcon />}
          title="This page is past the end of the log"
          action={
            <Button variant="outline" size="sm" onClick={() => setParams({ page: null })}>
              Go to the first page
            </Button>
          }
        />
      ) : (
        <>
          <div aria-busy={list.isFetching && list.isPlaceholderData} className="contents">
            <ErrorTable list={data} actions={actions} />
          </div>
          <DataTablePagination
            noun={data.total === 1 ? "error" : "errors"}
            page={data.page}
            pageSize={data.pageSize}
            total={data.total}
            pageSizes={ERROR_PAGE_SIZES}
            onPageChange={(page) => setParams({ page: page === 1 ? null : page })}
            onPageSizeChange={(size) => setParams({ size, page: null })}
          />
        </>
      )}
    </div>
  );
}

function EmptyLog({
  state,
  filtered,
  onReset,
}: {
  state: TErrorStateFilter;
  filtered: boolean;
  onReset: () => void;
}): React.ReactNode {
  if (filtered) {
    return (
      <EmptyState
        icon={<SearchXIcon />}
        title="No push errors match these filters"
        description="Clear the filters to see every error in this state."
        action={
          <Button variant="outline" size="sm" onClick={onReset}>
            Clear filters
          </Button>
        }
      />
    );
  }
  const empty: Record<TErrorStateFilter, { title: string; description: string }> = {
    open: { title: "No push errors.", description: "Everything Tandem sent reached Salesforce." },
    resolved: {
      title: "No resolved push errors.",
      description: "An error shows here once Salesforce accepts the record it was about.",
    },
    dismissed: { title: "No dismissed push errors.", description: "Errors someone dismisses show here." },
    all: { title: "No push errors.", description: "Everything Tandem sent reached Salesforce." },
  };
  return <EmptyState icon={<CircleCheckIcon />} title={empty[state].title} description={empty[state].description} />;
}
