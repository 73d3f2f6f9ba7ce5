"use client";

import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import { AddAllDialog, type TPersonAs } from "./add-all-dialog";

const numbers = new Intl.NumberFormat("en");

/**
 * The bulk "Add to CRM" row above the prospect list: select this page, how many are selected,
 * people as contacts or leads, "Add N to CRM" and "Add all to CRM". While a run is on, it says so.
 */
export function AddToCrmBar({
  pageState,
  onTogglePage,
  selected,
  onClear,
  as,
  onAsChange,
  onAddSelected,
  onAddAll,
  running,
}: {
  /** Whether the page's addable rows are all, some or none selected; null when none can be added. */
  pageState: "all" | "some" | "none" | null;
  onTogglePage: () => void;
  selected: number;
  onClear: () => void;
  as: TPersonAs;
  onAsChange: (as: TPersonAs) => void;
  onAddSelected: () => void;
  onAddAll: (as: TPersonAs, count: number) => void;
  running: string | null;
}) {
  const pageBox = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (pageBox.current) pageBox.current.indeterminate = pageState === "some";
  }, [pageState]);
  const busy = running !== null;

  return (
    <div
      role="toolbar"
      aria-label="Add to CRM"
      className="flex flex-wrap items-center gap-x-3 gap-y-2 rounded-lg border bg-muted/30 px-3 py-2"
    >
      <label className="flex h-8 items-center gap-2 text-sm">
        <input
          ref={pageBox}
          type="checkbox"
          className="size-4 accent-primary"
          checked={pageState === "all"}
          disabled={pageState === null || busy}
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
        <div className="flex items-center gap-2">
          <span id="add-people-as" className="text-sm whitespace-nowrap text-muted-foreground">
            People as
          </span>
          <Select value={as} onValueChange={(next) => onAsChange(next as TPersonAs)} disabled={busy}>
            <SelectTrigger size="sm" aria-labelledby="add-people-as" className="w-28">
              <SelectValue />
            </SelectTrigger>
            <SelectContent align="end">
              <SelectItem value="contact">Contacts</SelectItem>
              <SelectItem value="lead">Leads</SelectItem>
            </SelectContent>
          </Select>
        </div>
        <Button size="sm" onClick={onAddSelected} disabled={selected === 0 || busy}>
          {selected === 0 ? "Add selected to CRM" : `Add ${numbers.format(selected)} to CRM`}
        </Button>
        <AddAllDialog as={as} onConfirm={onAddAll} disabled={busy} />
      </div>
      {running ? (
        <p role="status" className="flex w-full items-center gap-2 text-sm text-muted-foreground">
          <Spinner aria-hidden="true" role={undefined} />
          Adding {running} to the CRM… Thousands take a little while; keep this page open.
        </p>
      ) : null}
    </div>
  );
}
