"use client";

import { CircleAlertIcon } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { fieldLabel, PROSPECT_FIELDS } from "@/server/prospects/import/prospect-fields";
import type { TImportPreview } from "@/server/prospects/import/schemas";
import type { TProspectKind } from "@/server/prospects/schemas";
import { BAD_ROW_LABELS, BadRowsTable, badRowVariant } from "./bad-rows-table";
import { ImportStats } from "./import-stats";

/** Step 3: the first rows as they will be imported, the counts, and the rows that will be skipped. */
export function PreviewCard({ kind, preview }: { kind: TProspectKind; preview: TImportPreview }) {
  const fields = PROSPECT_FIELDS.filter((field) => preview.mapping.includes(field));
  const hasExtra = preview.mapping.includes("extra");
  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-base">Preview</CardTitle>
        <CardDescription>The first {preview.previewRows.length} rows, as they will be imported.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-5">
        <ImportStats
          stats={[
            { label: "Rows in the file", value: preview.totalRows },
            { label: "Ready to import", value: preview.goodRows, tone: "success" },
            {
              label: "Will be skipped",
              value: preview.badRowCount,
              tone: preview.badRowCount ? "destructive" : "default",
            },
            { label: "Already in CRM", value: preview.alreadyInCrm, hint: "Imported, marked “In CRM”" },
          ]}
        />
        {preview.mappingProblem ? (
          <Alert variant="destructive" icon={<CircleAlertIcon />}>
            <AlertTitle>Nothing can be imported yet</AlertTitle>
            <AlertDescription>{preview.mappingProblem}</AlertDescription>
          </Alert>
        ) : null}
        <div className="overflow-hidden rounded-lg border">
          <Table aria-label="Preview of the import">
            <TableHeader>
              <TableRow>
                <TableHead className="w-14">Line</TableHead>
                <TableHead className="w-32">Status</TableHead>
                {fields.map((field) => (
                  <TableHead key={field}>{fieldLabel(field, kind)}</TableHead>
                ))}
                {hasExtra ? <TableHead>Extra fields</TableHead> : null}
              </TableRow>
            </TableHeader>
            <TableBody>
              {preview.previewRows.map((row) => (
                <TableRow key={row.line} className={row.problem ? "bg-destructive/5" : undefined}>
                  <TableCell className="tabular-nums text-muted-foreground">{row.line}</TableCell>
                  <TableCell>
                    {row.problem ? (
                      <Badge variant={badRowVariant(row.problem.code)} title={row.problem.reason}>
                        {BAD_ROW_LABELS[row.problem.code]}
                      </Badge>
                    ) : (
                      <Badge variant="success">Ready</Badge>
                    )}
                  </TableCell>
                  {fields.map((field) => (
                    <TableCell key={field} className="max-w-[14rem] truncate">
                      {row.fields[field] ?? <span className="text-muted-foreground/50">—</span>}
                    </TableCell>
                  ))}
                  {hasExtra ? (
                    <TableCell className="max-w-[14rem] truncate text-muted-foreground">
                      {Object.entries(row.extra)
                        .map(([key, value]) => `${key}: ${value}`)
                        .join(" · ") || "—"}
                    </TableCell>
                  ) : null}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
        {preview.badRowCount > 0 ? (
          <section className="grid gap-2" aria-labelledby="skipped-rows-heading">
            <h3 id="skipped-rows-heading" className="text-sm font-semibold">
              Rows that will be skipped
            </h3>
            <p className="text-sm text-muted-foreground">
              The other rows are imported anyway. After the import you can download these rows, fix them and import them
              again.
            </p>
            <BadRowsTable rows={preview.badRows} total={preview.badRowCount} />
          </section>
        ) : null}
      </CardContent>
    </Card>
  );
}
