import { cn } from "@/components/ui/cn";
import { DataTableTruncate } from "@/components/data-table/data-table-truncate";

/** A stage with a dot for where the deal stands: open, won or lost. */
export function StageCell({ row }: { row: { stage: string | null; isClosed: boolean | null; isWon: boolean | null } }) {
  if (!row.stage) return <span className="text-muted-foreground/50">—</span>;
  const tone = row.isWon ? "bg-success" : row.isClosed ? "bg-muted-foreground/50" : "bg-primary";
  return (
    <span className="flex min-w-0 items-center gap-2">
      <span aria-hidden="true" className={cn("size-1.5 shrink-0 rounded-full", tone)} />
      <DataTableTruncate>{row.stage}</DataTableTruncate>
    </span>
  );
}
