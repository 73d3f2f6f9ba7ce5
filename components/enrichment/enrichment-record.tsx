import { CheckCheckIcon } from "lucide-react";
import Link from "next/link";
import { useId } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Spinner } from "@/components/ui/spinner";
import type { TEnrichmentRow } from "@/server/mapping/enrichment-schemas";
import { EnrichmentFieldRow, FIELD_GRID, VALUES_GRID } from "./enrichment-field-row";
import { profileHref, tandemValueItem } from "./enrichment-targets";
import type { useEnrichmentActions } from "./use-enrichment-actions";

/**
 * A linked record with its fields to enrich. "Use Tandem's value for all fields" fixes it in one
 * click (two when push is off and the page asks first).
 */
export function EnrichmentRecord({
  row,
  selected,
  onToggle,
  actions,
}: {
  row: TEnrichmentRow;
  selected: boolean;
  onToggle: () => void;
  actions: ReturnType<typeof useEnrichmentActions>;
}) {
  const nameId = useId();
  const allKey = `use:${row.recordId}:*`;
  const sendable = tandemValueItem(row).fields.length;
  return (
    <li>
      <article aria-labelledby={nameId} className="rounded-lg border bg-card px-4 text-card-foreground shadow-xs">
        <header className="flex flex-wrap items-center gap-x-3 gap-y-2 border-b py-3">
          <input
            type="checkbox"
            aria-label={`Select ${row.name}`}
            className="size-4 shrink-0 accent-primary aria-disabled:cursor-not-allowed aria-disabled:opacity-50"
            checked={selected}
            // Not `disabled` while a choice is saved: a disabled control drops the keyboard's focus.
            aria-disabled={actions.busy || undefined}
            onChange={() => !actions.busy && onToggle()}
          />
          <div className="flex min-w-0 flex-1 basis-56 flex-wrap items-center gap-x-2 gap-y-1">
            <h2 id={nameId} className="min-w-0 truncate text-sm font-semibold">
              <Link href={profileHref(row)} className="underline-offset-4 hover:underline" title={row.name}>
                {row.name}
              </Link>
            </h2>
            <Badge variant="outline" className="font-normal">
              {row.object}
            </Badge>
            <span className="text-xs text-muted-foreground">
              {row.ownerName ? `Owner: ${row.ownerName}` : "No owner in Salesforce"}
            </span>
          </div>
          <Button
            size="sm"
            className="max-sm:w-full"
            aria-label={`Use Tandem's value for all fields of ${row.name}`}
            pending={actions.busy}
            disabled={sendable === 0}
            onClick={() => actions.applyTandemValue(allKey, [tandemValueItem(row)])}
          >
            {actions.running === allKey ? <Spinner aria-hidden="true" role={undefined} /> : <CheckCheckIcon />}
            Use Tandem&apos;s value for all fields
          </Button>
        </header>
        {/* Column heads for sighted users; each value carries its own caption for screen readers. */}
        <div aria-hidden="true" className={cn("hidden pt-2 text-xs text-muted-foreground", FIELD_GRID)}>
          <span>Field</span>
          <span className={VALUES_GRID}>
            <span>In Salesforce</span>
            <span />
            <span>Tandem&apos;s value</span>
          </span>
          <span />
        </div>
        <ul aria-label={`Fields of ${row.name}`} className="divide-y">
          {row.fields.map((field) => (
            <EnrichmentFieldRow key={field.field} row={row} field={field} actions={actions} />
          ))}
        </ul>
      </article>
    </li>
  );
}
