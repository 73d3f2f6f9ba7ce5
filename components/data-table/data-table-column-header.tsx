"use client";

import { ArrowDownIcon, ArrowUpIcon, ChevronsUpDownIcon } from "lucide-react";
import { cn } from "@/components/ui/cn";

export type TSortState = { sort: string; direction: "asc" | "desc" };

/**
 * A sortable header: the first click sorts ascending, the next flips the direction. The table
 * cell carries aria-sort; this button says what a click will do.
 */
export function DataTableColumnHeader({
  label,
  sortKey,
  state,
  onSort,
  align = "left",
}: {
  label: string;
  sortKey: string;
  state: TSortState;
  onSort: (next: TSortState) => void;
  align?: "left" | "right";
}) {
  const active = state.sort === sortKey;
  const nextDirection = active && state.direction === "asc" ? "desc" : "asc";
  const Icon = !active ? ChevronsUpDownIcon : state.direction === "asc" ? ArrowUpIcon : ArrowDownIcon;
  return (
    <button
      type="button"
      onClick={() => onSort({ sort: sortKey, direction: nextDirection })}
      aria-label={`Sort by ${label.toLowerCase()}, ${nextDirection === "asc" ? "ascending" : "descending"}`}
      className={cn(
        "-mx-1.5 inline-flex h-7 items-center gap-1 rounded-md px-1.5 font-medium transition-colors hover:bg-accent hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none",
        active && "text-foreground",
        align === "right" && "flex-row-reverse",
      )}
    >
      {label}
      <Icon aria-hidden="true" className={cn("size-3.5", !active && "opacity-40")} />
    </button>
  );
}
