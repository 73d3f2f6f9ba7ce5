"use client";

import { useEffect, useRef, type ReactNode } from "react";
import { Button } from "@/components/ui/button";

const numbers = new Intl.NumberFormat("en");

/**
 * The row above a list whose rows can be picked: "Select this page" (indeterminate when only some
 * are), how many are selected, Clear, and the list's own actions on the right; `footer` below them.
 */
export function SelectionBar({
  label,
  pageState,
  onTogglePage,
  selected,
  onClear,
  busy,
  actions,
  footer,
}: {
  /** The toolbar's accessible name. */
  label: string;
  /** Whether the page's selectable rows are all, some or none selected; null when none can be. */
  pageState: "all" | "some" | "none" | null;
  onTogglePage: () => void;
  selected: number;
  onClear: () => void;
  /** The list's action runs: "Select this page" and Clear keep their focus but ignore the rep. */
  busy: boolean;
  actions: ReactNode;
  footer?: ReactNode;
}) {
  const pageBox = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (pageBox.current) pageBox.current.indeterminate = pageState === "some";
  }, [pageState]);
  return (
    <div
      role="toolbar"
      aria-label={label}
      className="flex flex-wrap items-center gap-x-3 gap-y-2 rounded-lg border bg-muted/30 px-3 py-2"
    >
      <label className="flex h-8 items-center gap-2 text-sm">
        <input
          ref={pageBox}
          type="checkbox"
          className="size-4 accent-primary aria-disabled:cursor-not-allowed aria-disabled:opacity-50"
          checked={pageState === "all"}
          disabled={pageState === null}
          // Not `disabled` while busy: a disabled control drops the keyboard's focus. The cancelled
          // click leaves the box as it was, indeterminate included; React reports the change anyway.
          aria-disabled={(busy && pageState !== null) || undefined}
          onClick={(event) => busy && event.preventDefault()}
          onChange={() => !busy && onTogglePage()}
        />
        Select this page
      </label>
      <span className="text-sm text-muted-foreground tabular-nums" aria-live="polite">
        {selected === 0 ? "None selected" : `${numbers.format(selected)} selected`}
      </span>
      {selected > 0 ? (
        <Button variant="ghost" size="sm" onClick={onClear} pending={busy} className="text-muted-foreground">
          Clear
        </Button>
      ) : null}
      <div className="ml-auto flex flex-wrap items-center gap-2">{actions}</div>
      {footer}
    </div>
  );
}
