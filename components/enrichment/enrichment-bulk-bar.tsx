"use client";

import { SelectionBar } from "@/components/data-table/selection-bar";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";

const numbers = new Intl.NumberFormat("en");
const spinner = <Spinner aria-hidden="true" role={undefined} />;

/** The selection's row above the records: select this page, how many, and both choices for all of them. */
export function EnrichmentBulkBar({
  pageState,
  onTogglePage,
  selected,
  onClear,
  onUseTandem,
  onKeep,
  running,
  busy,
}: {
  pageState: "all" | "some" | "none";
  onTogglePage: () => void;
  selected: number;
  onClear: () => void;
  onUseTandem: () => void;
  onKeep: () => void;
  /** The control whose action runs, as use-enrichment-actions.ts names it. */
  running: string | null;
  busy: boolean;
}) {
  const records = `${numbers.format(selected)} ${selected === 1 ? "record" : "records"}`;
  return (
    <SelectionBar
      label="Selected records"
      pageState={pageState}
      onTogglePage={onTogglePage}
      selected={selected}
      onClear={onClear}
      busy={busy}
      actions={
        <>
          <Button size="sm" onClick={onUseTandem} pending={busy} disabled={selected === 0}>
            {running === "bulk:use" ? spinner : null}
            {selected === 0 ? "Use Tandem's value" : `Use Tandem's value (${records})`}
          </Button>
          <Button variant="outline" size="sm" onClick={onKeep} pending={busy} disabled={selected === 0}>
            {running === "bulk:keep" ? spinner : null}
            Keep Salesforce&apos;s values
          </Button>
        </>
      }
    />
  );
}
