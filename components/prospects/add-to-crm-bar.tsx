"use client";

import { SelectionBar } from "@/components/data-table/selection-bar";
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
  const busy = running !== null;

  return (
    <SelectionBar
      label="Add to CRM"
      pageState={pageState}
      onTogglePage={onTogglePage}
      selected={selected}
      onClear={onClear}
      busy={busy}
      actions={
        <>
          <div className="flex items-center gap-2">
            <span id="add-people-as" className="text-sm whitespace-nowrap text-muted-foreground">
              People as
            </span>
            <Select value={as} onValueChange={(next) => !busy && onAsChange(next as TPersonAs)}>
              <SelectTrigger
                size="sm"
                aria-labelledby="add-people-as"
                // Not `disabled` while adding: a disabled control drops the keyboard's focus.
                aria-disabled={busy || undefined}
                className="w-28"
              >
                <SelectValue />
              </SelectTrigger>
              <SelectContent align="end">
                <SelectItem value="contact">Contacts</SelectItem>
                <SelectItem value="lead">Leads</SelectItem>
              </SelectContent>
            </Select>
          </div>
          <Button size="sm" onClick={onAddSelected} pending={busy} disabled={selected === 0}>
            {selected === 0 ? "Add selected to CRM" : `Add ${numbers.format(selected)} to CRM`}
          </Button>
          <AddAllDialog as={as} onConfirm={onAddAll} pending={busy} />
        </>
      }
      footer={
        running ? (
          <p role="status" className="flex w-full items-center gap-2 text-sm text-muted-foreground">
            <Spinner aria-hidden="true" role={undefined} />
            Adding {running} to the CRM… Thousands take a little while; keep this page open.
          </p>
        ) : null
      }
    />
  );
}
