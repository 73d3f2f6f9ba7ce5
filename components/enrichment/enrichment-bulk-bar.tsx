"use client";

import { useEffect, useRef } from "react";
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
  const pageBox = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (pageBox.current) pageBox.current.indeterminate = pageState === "some";
  }, [pageState]);
  const records = `${numbers.format(selected)} ${selected === 1 ? "record" : "records"}`;
  return (
    <div
      role="toolbar"
      aria-label="Selected records"
      className="flex flex-wrap items-center gap-x-3 gap-y-2 rounded-lg border bg-muted/30 px-3 py-2"
    >
      <label className="flex h-8 items-center gap-2 text-sm">
        <input
          ref={pageBox}
          type="checkbox"
          className="size-4 accent-primary"
          checked={pageState === "all"}
          disabled={busy}
          onChange={onTogglePage}
        />
        Select this page
      </label>
      <span className="text-sm text-muted-foreground tabular-nums" aria-live="polite">
        {selected === 0 ? "None selected" : `${numbers.format(selected)} selected`}
      </span>
      {selected > 0 ? (
        <Button variant="ghost" size="sm" onClick={onClear} disabled={busy} className="text-muted-foreground">
          Clear
        </Button>
      ) : null}
      <div className="ml-auto flex flex-wrap items-center gap-2">
        <Button size="sm" onClick={onUseTandem} disabled={selected === 0 || busy}>
          {running === "bulk:use" ? spinner : null}
          {selected === 0 ? "Use Tandem's value" : `Use Tandem's value (${records})`}
        </Button>
        <Button variant="outline" size="sm" onClick={onKeep} disabled={selected === 0 || busy}>
          {running === "bulk:keep" ? spinner : null}
          Keep Salesforce&apos;s values
        </Button>
      </div>
    </div>
  );
}
