"use client";

import { CircleCheckIcon } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import type { TImportResult } from "@/server/prospects/import/schemas";
import { BadRowsTable } from "./bad-rows-table";
import { DownloadBadRowsButton } from "./download-bad-rows-button";
import { ImportStats } from "./import-stats";

const numbers = new Intl.NumberFormat("en");

/** After an import: what was imported, what was not and why, and what to do next. */
export function ImportSummary({ result, onAnother }: { result: TImportResult; onAnother: () => void }) {
  const { summary } = result;
  const noun =
    summary.kind === "person"
      ? summary.importedRows === 1
        ? "person"
        : "people"
      : summary.importedRows === 1
        ? "company"
        : "companies";
  return (
    <Card>
      <CardHeader>
        <CardTitle className="flex items-center gap-2 text-base">
          <CircleCheckIcon className="size-5 text-success" aria-hidden="true" />
          Imported {numbers.format(summary.importedRows)} {noun} from {summary.fileName}
        </CardTitle>
        <CardDescription>
          {summary.inCrmRows === 1
            ? "1 of them is already in Salesforce: it is marked “In CRM” and left out of the prospect list."
            : summary.inCrmRows > 1
              ? `${numbers.format(summary.inCrmRows)} of them are already in Salesforce: they are marked “In CRM” and left out of the prospect list.`
              : "None of them is in Salesforce yet."}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-5">
        <ImportStats
          stats={[
            { label: "Rows in the file", value: summary.totalRows },
            { label: "Imported", value: summary.importedRows, tone: "success" },
            {
              label: "Bad rows",
              value: summary.badRows,
              tone: summary.badRows ? "destructive" : "default",
              hint: summary.badRows ? "Not imported" : undefined,
            },
            { label: "Already in CRM", value: summary.inCrmRows },
          ]}
        />
        {summary.badRows > 0 ? (
          <section className="grid gap-3" aria-labelledby="bad-rows-heading">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h3 id="bad-rows-heading" className="text-sm font-semibold">
                {numbers.format(summary.badRows)} {summary.badRows === 1 ? "row was" : "rows were"} not imported
              </h3>
              <DownloadBadRowsButton importId={summary.id} />
            </div>
            <BadRowsTable rows={result.badRows} total={summary.badRows} />
          </section>
        ) : null}
      </CardContent>
      <CardFooter className="flex-wrap gap-2">
        <Button asChild>
          <Link href="/people/prospects">View prospects</Link>
        </Button>
        <Button variant="outline" onClick={onAnother}>
          Import another file
        </Button>
      </CardFooter>
    </Card>
  );
}
