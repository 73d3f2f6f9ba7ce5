"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { DownloadBadRowsButton } from "./download-bad-rows-button";

const when = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });
const numbers = new Intl.NumberFormat("en");

/** The latest imports, so a report can be downloaded again later. */
export function ImportHistory() {
  const trpc = useTRPC();
  const { data: imports } = useSuspenseQuery(trpc.prospects.imports.queryOptions());
  if (imports.length === 0) return null;
  return (
    <Card className="gap-0 pb-0">
      <CardHeader className="border-b">
        <CardTitle className="text-base">Earlier imports</CardTitle>
        <CardDescription>
          “In CRM” counts the imported prospects Salesforce has now, including ones found by later syncs.
        </CardDescription>
      </CardHeader>
      <CardContent className="px-0">
        <Table aria-label="Earlier imports">
          <TableHeader>
            <TableRow>
              <TableHead className="pl-5">File</TableHead>
              <TableHead className="hidden sm:table-cell">When</TableHead>
              <TableHead className="text-right">Imported</TableHead>
              <TableHead className="text-right">Bad</TableHead>
              <TableHead className="hidden text-right sm:table-cell">In CRM</TableHead>
              <TableHead className="pr-5">
                <span className="sr-only">Report</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {imports.map((entry) => (
              <TableRow key={entry.id}>
                <TableCell className="max-w-[14rem] pl-5">
                  <div className="truncate font-medium">{entry.fileName}</div>
                  <div className="truncate text-xs text-muted-foreground">
                    {entry.kind === "person" ? "People" : "Companies"}
                    {entry.createdBy ? ` · ${entry.createdBy}` : ""}
                    <span className="sm:hidden" suppressHydrationWarning>
                      {" "}
                      · {when.format(entry.createdAt)}
                    </span>
                  </div>
                </TableCell>
                {/* The server formats in its own time zone, the browser in the user's. */}
                <TableCell className="hidden text-muted-foreground sm:table-cell" suppressHydrationWarning>
                  {when.format(entry.createdAt)}
                </TableCell>
                <TableCell className="text-right tabular-nums">{numbers.format(entry.importedRows)}</TableCell>
                <TableCell className="text-right tabular-nums">{numbers.format(entry.badRows)}</TableCell>
                <TableCell className="hidden text-right tabular-nums sm:table-cell">
                  {numbers.format(entry.inCrmRows)}
                </TableCell>
                <TableCell className="pr-5 text-right">
                  {entry.badRows > 0 ? <DownloadBadRowsButton importId={entry.id} label="Bad rows" /> : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}
