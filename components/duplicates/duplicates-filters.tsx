"use client";

import { DataTableFilter } from "@/components/data-table/data-table-filter";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import type { TDuplicateList } from "@/server/duplicates/duplicate-schemas";
import { MIN_SCORE_PERCENTS, type TDuplicatesListInput } from "./duplicates-params";

const ENTITY_OPTIONS = [
  { value: "people", label: "People" },
  { value: "companies", label: "Companies" },
];
const SCORE_OPTIONS = MIN_SCORE_PERCENTS.map((percent) => ({ value: String(percent), label: `≥ ${percent}%` }));

const numbers = new Intl.NumberFormat("en");

/** People or companies, a minimum score, and whether pairs put off for later show too. */
export function DuplicatesFilters({
  input,
  list,
  onFilter,
  onReset,
}: {
  input: TDuplicatesListInput;
  list: TDuplicateList;
  /** A URL key (see duplicates-params.ts) and its new value; undefined clears it. */
  onFilter: (key: "entity" | "min" | "later", value: string | undefined) => void;
  onReset?: () => void;
}) {
  return (
    <DataTableToolbar
      onReset={onReset}
      summary={
        list.total > 0
          ? `${numbers.format(list.total)} ${list.total === 1 ? "pair" : "pairs"} · ${numbers.format(list.clusters)} ${
              list.clusters === 1 ? "group" : "groups"
            }`
          : null
      }
    >
      <DataTableFilter
        label="Records"
        allLabel="People and companies"
        value={input.entity}
        options={ENTITY_OPTIONS}
        onChange={(value) => onFilter("entity", value)}
      />
      <DataTableFilter
        label="Minimum score"
        allLabel="Any score"
        value={input.minScore === undefined ? undefined : String(Math.round(input.minScore * 100))}
        options={SCORE_OPTIONS}
        onChange={(value) => onFilter("min", value)}
      />
      <div className="flex h-8 items-center gap-2 rounded-md border px-2.5 shadow-xs">
        <Switch
          id="show-later-pairs"
          checked={input.includeLater}
          onCheckedChange={(checked) => onFilter("later", checked ? "1" : undefined)}
        />
        <Label htmlFor="show-later-pairs" className="text-sm font-normal whitespace-nowrap">
          Show later
        </Label>
      </div>
    </DataTableToolbar>
  );
}
