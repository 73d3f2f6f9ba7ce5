import { ArrowRightIcon, CheckIcon } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Spinner } from "@/components/ui/spinner";
import type { TEnrichmentField, TEnrichmentRow } from "@/server/mapping/enrichment-schemas";
import { keepItem, tandemValueItem } from "./enrichment-targets";
import type { useEnrichmentActions } from "./use-enrichment-actions";

const MODE_WORDS: Record<TEnrichmentField["mode"], string> = {
  off: "Mapping off",
  "auto-fill": "Auto-fill",
  "auto-overwrite": "Auto-overwrite",
};

const spinner = <Spinner aria-hidden="true" role={undefined} />;

/** The columns a record's fields line up in from md up: name, the two values, the choices. */
export const FIELD_GRID = "md:grid md:grid-cols-[minmax(7rem,11rem)_minmax(0,1fr)_18.5rem] md:items-center md:gap-4";
/** Salesforce's value, the arrow, Tandem's value. */
export const VALUES_GRID = "grid grid-cols-[minmax(0,1fr)_1rem_minmax(0,1fr)] gap-2";

/** One side of the comparison; its caption shows on phones, where the column heads do not. */
function Value({ caption, value, strong }: { caption: string; value: string | null; strong?: boolean }) {
  return (
    <div className="min-w-0">
      <span className="block text-xs text-muted-foreground md:sr-only">{caption}</span>
      {value === null ? (
        <span className="text-muted-foreground italic">(empty)</span>
      ) : (
        <span title={value} className={strong ? "line-clamp-2 font-medium break-words" : "line-clamp-2 break-words"}>
          {value}
        </span>
      )}
    </div>
  );
}

function FieldBadges({ field }: { field: TEnrichmentField }) {
  return (
    <div className="flex flex-wrap items-center gap-1.5">
      <Badge variant="outline" className="font-normal">
        {field.status === "empty" ? "Empty in Salesforce" : "Differs"}
      </Badge>
      {field.pending ? <Badge variant="secondary">{spinner} Pushing…</Badge> : null}
      {field.kept ? <Badge variant="secondary">Kept Salesforce&apos;s value</Badge> : null}
      {field.reverted ? (
        <Badge
          variant="warning"
          title="Tandem wrote its value and Salesforce changed it back, so automatic mapping leaves this field alone here."
        >
          Salesforce changed it back
        </Badge>
      ) : null}
    </div>
  );
}

/**
 * A field of a record to enrich: Salesforce's value → Tandem's, how it stands, and the two choices.
 * Wide, one line; narrow, the values and choices stack under the field's name.
 */
export function EnrichmentFieldRow({
  row,
  field,
  actions,
}: {
  row: TEnrichmentRow;
  field: TEnrichmentField;
  actions: ReturnType<typeof useEnrichmentActions>;
}) {
  const useKey = `use:${row.recordId}:${field.field}`;
  const keepKey = `keep:${row.recordId}:${field.field}`;
  const of = `${field.label} of ${row.name}`;
  return (
    <li className={cn("grid gap-2 py-3", FIELD_GRID)}>
      <div className="min-w-0">
        <span className="block truncate font-medium" title={field.label}>
          {field.label}
        </span>
        <span className="block text-xs text-muted-foreground">
          {field.tandemLabel === field.label ? null : `From ${field.tandemLabel} · `}
          {MODE_WORDS[field.mode]}
        </span>
      </div>
      <div className="grid min-w-0 gap-1.5">
        <div className={cn(VALUES_GRID, "items-end md:items-center")}>
          <Value caption="In Salesforce" value={field.salesforceValue} />
          <ArrowRightIcon aria-hidden="true" className="mb-0.5 size-4 shrink-0 text-muted-foreground md:mb-0" />
          <Value caption="Tandem's value" value={field.tandemValue} strong />
        </div>
        <FieldBadges field={field} />
      </div>
      <div className="flex flex-wrap items-center gap-1.5 md:justify-end">
        <Button
          variant="outline"
          size="sm"
          aria-label={`Use Tandem's value for ${of}`}
          pending={actions.busy}
          disabled={field.pending}
          onClick={() => actions.applyTandemValue(useKey, [tandemValueItem(row, field.field)])}
        >
          {actions.running === useKey ? spinner : <CheckIcon />} Use Tandem&apos;s value
        </Button>
        <Button
          variant="ghost"
          size="sm"
          aria-label={`Keep Salesforce's value for ${of}`}
          pending={actions.busy}
          disabled={field.kept}
          onClick={() => actions.keepSalesforceValue(keepKey, [keepItem(row, field.field)])}
        >
          {actions.running === keepKey ? spinner : null}
          Keep Salesforce&apos;s
        </Button>
      </div>
    </li>
  );
}
