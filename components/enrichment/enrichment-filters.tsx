"use client";

import { DataTableFilter } from "@/components/data-table/data-table-filter";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import type { TEnrichmentList } from "@/server/mapping/enrichment-schemas";
import { fieldOptions, objectOptions, ownerOptions } from "./enrichment-facets";
import type { TEnrichmentListInput } from "./enrichment-params";

const STATUS_OPTIONS = [
  { value: "empty", label: "Empty in Salesforce" },
  { value: "differs", label: "Differs" },
];

const numbers = new Intl.NumberFormat("en");

/** Object, field, owner and status, each with its records under the other filters, and kept values. */
export function EnrichmentFilters({
  input,
  list,
  onFilter,
  onReset,
}: {
  input: TEnrichmentListInput;
  list: TEnrichmentList;
  /** A URL key (see enrichment-params.ts) and its new value; undefined clears it. */
  onFilter: (key: "object" | "field" | "owner" | "status" | "kept", value: string | undefined) => void;
  onReset?: () => void;
}) {
  return (
    <DataTableToolbar
      onReset={onReset}
      summary={
        list.total > 0
          ? `${numbers.format(list.total)} ${list.total === 1 ? "record" : "records"} · ${numbers.format(
              list.totalFields,
            )} ${list.totalFields === 1 ? "field" : "fields"}`
          : null
      }
    >
      <DataTableFilter
        label="Object"
        allLabel="All objects"
        value={input.object}
        options={objectOptions(list.facets)}
        onChange={(value) => onFilter("object", value)}
      />
      <DataTableFilter
        label="Field"
        allLabel="All fields"
        value={input.field}
        options={fieldOptions(list.facets)}
        onChange={(value) => onFilter("field", value)}
        className="max-w-64"
      />
      <DataTableFilter
        label="Owner"
        allLabel="All owners"
        value={input.ownerSfId}
        options={ownerOptions(list.facets)}
        onChange={(value) => onFilter("owner", value)}
        className="max-w-56"
      />
      <DataTableFilter
        label="Status"
        allLabel="All statuses"
        value={input.status === "all" ? undefined : input.status}
        options={STATUS_OPTIONS}
        onChange={(value) => onFilter("status", value)}
      />
      <div className="flex h-8 items-center gap-2 rounded-md border px-2.5 shadow-xs">
        <Switch
          id="show-kept-values"
          checked={input.includeKept}
          onCheckedChange={(checked) => onFilter("kept", checked ? "1" : undefined)}
        />
        <Label htmlFor="show-kept-values" className="text-sm font-normal whitespace-nowrap">
          Show kept values
        </Label>
      </div>
    </DataTableToolbar>
  );
}
