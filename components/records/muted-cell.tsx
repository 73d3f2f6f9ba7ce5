import { DataTableTruncate } from "@/components/data-table/data-table-truncate";

/** A secondary cell's text, truncated; an em dash when empty. */
export function MutedCell({ text }: { text: string | null }) {
  return text ? (
    <DataTableTruncate className="text-muted-foreground">{text}</DataTableTruncate>
  ) : (
    <span className="text-muted-foreground/50">—</span>
  );
}
