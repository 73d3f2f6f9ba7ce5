import { XIcon } from "lucide-react";
import { Button } from "@/components/ui/button";

/** The row above a table: search first, then filters, then a reset when anything is set. */
export function DataTableToolbar({
  children,
  onReset,
  summary,
}: {
  children: React.ReactNode;
  onReset?: () => void;
  summary?: React.ReactNode;
}) {
  return (
    <div role="toolbar" aria-label="Search and filters" className="flex flex-wrap items-center gap-2">
      {children}
      {onReset ? (
        <Button variant="ghost" size="sm" onClick={onReset} className="text-muted-foreground">
          Reset <XIcon />
        </Button>
      ) : null}
      {summary ? <div className="ml-auto text-xs text-muted-foreground tabular-nums">{summary}</div> : null}
    </div>
  );
}
