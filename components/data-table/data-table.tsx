"use client";

import { cn } from "@/components/ui/cn";
import { DataTableColumnHeader, type TSortState } from "./data-table-column-header";

export type TDataTableColumn<TRow> = {
  id: string;
  header: string;
  /** The list's sort key; columns without one are not sortable. */
  sortKey?: string;
  cell: (row: TRow) => React.ReactNode;
  /**
   * Width and responsive classes for both the header and the cells. Columns fold by the table's
   * own width (container queries: "hidden @3xl:table-cell"), not the screen's, since the sidebar
   * takes a share of a laptop's. The table lays out fixed: give every flexible column no width.
   */
  className?: string;
  align?: "left" | "right";
};

/**
 * A dense table with a header that stays in view while the page scrolls, sideways scrolling on
 * narrow screens, and a quiet busy state while the next page loads over the current one.
 */
export function DataTable<TRow extends { id: string }>({
  columns,
  rows,
  sort,
  onSort,
  busy,
  label,
  tableClassName,
}: {
  columns: TDataTableColumn<TRow>[];
  rows: TRow[];
  sort: TSortState;
  onSort: (next: TSortState) => void;
  busy?: boolean;
  label: string;
  /** Minimum widths per breakpoint; below them the table scrolls sideways instead of squeezing. */
  tableClassName?: string;
}) {
  return (
    <div className="@container relative overflow-clip rounded-lg border bg-card shadow-xs">
      <div
        aria-hidden="true"
        className={cn(
          "absolute inset-x-0 top-0 z-20 h-0.5 origin-left bg-primary transition-opacity duration-300",
          busy ? "animate-pulse opacity-100" : "opacity-0",
        )}
      />
      {/*
       * Wide enough for every column: the page scrolls and the header sticks to the top of the
       * window (overflow-clip above clips the corners without becoming a scroll container).
       * Narrower: the table scrolls sideways inside its frame.
       */}
      <div className="overflow-x-auto overscroll-x-contain @3xl:overflow-visible">
        <table
          aria-label={label}
          aria-busy={busy || undefined}
          className={cn("w-full table-fixed text-sm transition-opacity", busy && "opacity-60", tableClassName)}
        >
          <thead className="sticky top-0 z-10 bg-card shadow-[inset_0_-1px_0_var(--color-border)]">
            <tr>
              {columns.map((column) => {
                const active = column.sortKey !== undefined && sort.sort === column.sortKey;
                return (
                  <th
                    key={column.id}
                    scope="col"
                    aria-sort={active ? (sort.direction === "asc" ? "ascending" : "descending") : undefined}
                    className={cn(
                      "h-9 px-3 text-left align-middle text-xs font-medium whitespace-nowrap text-muted-foreground first:pl-4 last:pr-4",
                      column.align === "right" && "text-right",
                      column.className,
                    )}
                  >
                    {column.sortKey ? (
                      <DataTableColumnHeader
                        label={column.header}
                        sortKey={column.sortKey}
                        state={sort}
                        onSort={onSort}
                        align={column.align}
                      />
                    ) : (
                      column.header
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} className="group/row border-b transition-colors last:border-0 hover:bg-muted/50">
                {columns.map((column) => (
                  <td
                    key={column.id}
                    className={cn(
                      "h-10 truncate px-3 align-middle whitespace-nowrap first:pl-4 last:pr-4",
                      column.align === "right" && "text-right tabular-nums",
                      column.className,
                    )}
                  >
                    {column.cell(row)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
