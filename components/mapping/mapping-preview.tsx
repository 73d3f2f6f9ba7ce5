"use client";

import { ArrowRightIcon, InfoIcon, LoaderCircleIcon, TriangleAlertIcon } from "lucide-react";
import Link from "next/link";
import { useId } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { LARGE_WRITE_RECORDS, type TMappingPreview } from "@/server/mapping/mapping-schemas";
import { countOf, OBJECT_WORDS, unknownSentence, writesSentence } from "./mapping-words";

function Examples({ preview }: { preview: TMappingPreview }) {
  const id = useId();
  const words = OBJECT_WORDS[preview.object];
  return (
    <div className="grid gap-1.5">
      <h4 id={id} className="text-xs font-medium text-muted-foreground">
        Examples
        {preview.writes > preview.examples.length
          ? ` (${preview.examples.length} of ${preview.writes.toLocaleString("en")})`
          : null}
      </h4>
      <ul aria-labelledby={id} className="divide-y rounded-md border">
        {preview.examples.map((example) => (
          <li
            key={`${example.recordId}:${example.field}`}
            className="grid gap-1 px-3 py-2 text-sm sm:grid-cols-[minmax(0,14rem)_minmax(0,9rem)_minmax(0,1fr)] sm:items-center sm:gap-3"
          >
            <Link
              href={`${words.recordPath}/${example.recordId}`}
              className="truncate font-medium text-primary underline-offset-4 hover:underline"
            >
              {example.name}
            </Link>
            <span className="truncate text-muted-foreground">{example.label}</span>
            <span className="flex min-w-0 flex-wrap items-center gap-1.5">
              <span className={cn("break-all", example.from === null && "text-muted-foreground italic")}>
                {example.from ?? "(empty)"}
              </span>
              <ArrowRightIcon className="size-3.5 shrink-0 text-muted-foreground" aria-hidden="true" />
              <span className="sr-only">becomes</span>
              <span className="font-medium break-all">{example.to}</span>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * "Preview before saving": what the next pull writes with the rows on screen, from Tandem's data
 * alone (no API call): how many fields on how many records, per field, up to ten before/after
 * examples, the values Salesforce may refuse, and the fields not pulled yet.
 */
export function MappingPreview({
  preview,
  updating,
  error,
}: {
  preview: TMappingPreview | null;
  updating: boolean;
  error: string | null;
}) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} aria-busy={updating} className="grid gap-3 rounded-lg border bg-card p-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={headingId} className="text-sm font-semibold">
          Before you save: the next pull
        </h3>
        {updating ? (
          <span className="flex items-center gap-1.5 text-xs text-muted-foreground">
            <LoaderCircleIcon className="size-3.5 animate-spin" aria-hidden="true" /> Updating the preview…
          </span>
        ) : null}
      </div>
      {error ? <p className="text-sm text-destructive">{error}</p> : null}
      {preview ? (
        <div className={cn("grid gap-3 transition-opacity", updating && "opacity-60")}>
          <div className="grid gap-0.5">
            <p className="text-sm font-medium" aria-live="polite">
              {writesSentence(preview)}
            </p>
            <p className="text-xs text-muted-foreground">
              Out of{" "}
              {countOf(preview.linkedRecords, OBJECT_WORDS[preview.object].one, OBJECT_WORDS[preview.object].many)}{" "}
              linked to a prospect.
              {preview.needsConfirmation
                ? ` That is more than ${LARGE_WRITE_RECORDS.toLocaleString("en")} records: saving asks you to confirm.`
                : ""}
            </p>
          </div>
          {preview.byField.length > 0 ? (
            <ul aria-label="Writes per field" className="flex flex-wrap gap-2">
              {preview.byField.map((field) => (
                <li key={field.field}>
                  <Badge variant="outline">
                    {field.label}: {countOf(field.writes, "write")}
                  </Badge>
                </li>
              ))}
            </ul>
          ) : null}
          {preview.examples.length > 0 ? <Examples preview={preview} /> : null}
          {preview.warnings.length > 0 ? (
            <Alert variant="warning" role="note" icon={<TriangleAlertIcon />}>
              <AlertTitle>Salesforce may refuse some values</AlertTitle>
              <AlertDescription>
                {preview.warnings.map((warning) => (
                  <p key={warning}>{warning}</p>
                ))}
              </AlertDescription>
            </Alert>
          ) : null}
          {preview.unknown.length > 0 ? (
            <Alert variant="info" role="note" icon={<InfoIcon />}>
              <AlertTitle>Not pulled yet</AlertTitle>
              <AlertDescription>
                {preview.unknown.map((unknown) => (
                  <p key={unknown.field}>{unknownSentence(unknown)}</p>
                ))}
              </AlertDescription>
            </Alert>
          ) : null}
        </div>
      ) : (
        <p className="text-sm text-muted-foreground">
          {updating
            ? "Working out what the next pull writes…"
            : "Choose both fields of every row to see what the next pull writes."}
        </p>
      )}
    </section>
  );
}
