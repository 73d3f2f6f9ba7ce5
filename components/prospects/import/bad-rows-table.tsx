import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { TBadRow, TBadRowCode } from "@/server/prospects/import/schemas";

export const BAD_ROW_LABELS: Record<TBadRowCode, string> = {
  "no-name": "No name",
  "bad-email": "Bad email",
  "duplicate-in-file": "Duplicate in file",
  "already-a-prospect": "Already a prospect",
};

/** A row that repeats another is less alarming than one that is broken. */
export function badRowVariant(code: TBadRowCode): "warning" | "destructive" {
  return code === "already-a-prospect" || code === "duplicate-in-file" ? "warning" : "destructive";
}

/** Rejected rows: line, what is wrong, and the row as it was in the file. */
export function BadRowsTable({ rows, total }: { rows: TBadRow[]; total: number }) {
  return (
    <div className="overflow-hidden rounded-lg border">
      <Table aria-label="Rows that were not imported">
        <TableHeader>
          <TableRow>
            <TableHead className="w-16">Line</TableHead>
            <TableHead className="w-40">Problem</TableHead>
            <TableHead>Why</TableHead>
            <TableHead className="hidden md:table-cell">Values in the file</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={`${row.line}-${row.code}`}>
              <TableCell className="tabular-nums text-muted-foreground">{row.line}</TableCell>
              <TableCell>
                <Badge variant={badRowVariant(row.code)}>{BAD_ROW_LABELS[row.code]}</Badge>
              </TableCell>
              <TableCell className="max-w-[18rem] whitespace-normal">{row.reason}</TableCell>
              <TableCell
                className="hidden max-w-[22rem] truncate text-muted-foreground md:table-cell"
                title={valuesText(row)}
              >
                {valuesText(row)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {total > rows.length ? (
        <p className="border-t bg-muted/30 px-3 py-2 text-xs text-muted-foreground">
          Showing the first {rows.length} of {total} rows. The download has all of them.
        </p>
      ) : null}
    </div>
  );
}

function valuesText(row: TBadRow): string {
  return Object.entries(row.values)
    .filter(([, value]) => value)
    .map(([header, value]) => `${header}: ${value}`)
    .join(" · ");
}
