"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { FileTextIcon, UploadIcon } from "lucide-react";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form";
import { Spinner } from "@/components/ui/spinner";
import { Tabs, TabsList, TabsTrigger } from "@/components/ui/tabs";
import type { TColumnTarget } from "@/server/prospects/import/prospect-fields";
import type { TImportPreview, TImportResult } from "@/server/prospects/import/schemas";
import type { TProspectKind } from "@/server/prospects/schemas";
import { ImportSummary } from "./import-summary";
import { MappingCard } from "./mapping-card";
import { PreviewCard } from "./preview-card";
import { readCsvFile } from "./read-csv-file";
import { UploadCard } from "./upload-card";

type TFile = { fileName: string; csv: string };
const numbers = new Intl.NumberFormat("en");

/**
 * Upload → match columns and preview → import → report. The file is read in the browser and
 * sent with each preview; nothing is written until "Import".
 */
export function ImportFlow() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<TProspectKind>("person");
  const [file, setFile] = useState<TFile>();
  const [result, setResult] = useState<TImportResult>();
  // Kept apart from the mutation: a new preview (another mapping) must not blank the current one.
  const [data, setData] = useState<TImportPreview>();
  const preview = useMutation(trpc.prospects.previewImport.mutationOptions({ onSuccess: setData }));
  const run = useMutation(
    trpc.prospects.import.mutationOptions({
      onSuccess: async (imported) => {
        setResult(imported);
        window.scrollTo({ top: 0, behavior: "smooth" });
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.prospects.list.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.prospects.imports.queryKey() }),
        ]);
      },
    }),
  );

  function startOver() {
    setFile(undefined);
    setData(undefined);
    setResult(undefined);
    preview.reset();
    run.reset();
  }

  async function readFile(picked: File) {
    const csv = await readCsvFile(picked);
    const next = { fileName: picked.name, csv };
    setFile(next);
    setData(undefined);
    run.reset();
    preview.mutate({ ...next, kind });
  }

  function changeKind(next: TProspectKind) {
    setKind(next);
    // A new kind means other fields: guess the mapping again.
    if (file) preview.mutate({ ...file, kind: next });
  }

  if (result) return <ImportSummary result={result} onAnother={startOver} />;

  if (!file || !data) {
    return (
      <UploadCard
        kind={kind}
        onKindChange={changeKind}
        onFile={readFile}
        busy={preview.isPending}
        error={preview.error?.message}
      />
    );
  }

  const busy = preview.isPending || run.isPending;
  return (
    <div className="grid gap-6">
      <div className="flex flex-wrap items-center justify-between gap-3 rounded-lg border bg-card px-4 py-3 shadow-xs">
        <div className="flex min-w-0 items-center gap-3">
          <FileTextIcon className="size-5 shrink-0 text-muted-foreground" aria-hidden="true" />
          <div className="min-w-0">
            <div className="truncate text-sm font-medium">{file.fileName}</div>
            <div className="text-xs text-muted-foreground">
              {numbers.format(data.totalRows)} rows · {data.headers.length} columns
            </div>
          </div>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {/* Not `disabled` while a preview or the import runs: arrowing onto a tab starts a preview, and a
              tab disabled under the keyboard drops its focus to the page. Changes meanwhile are ignored. */}
          <Tabs value={kind} onValueChange={(value) => !busy && changeKind(value as TProspectKind)}>
            <TabsList aria-label="The file lists">
              <TabsTrigger value="person" aria-disabled={busy || undefined}>
                People
              </TabsTrigger>
              <TabsTrigger value="company" aria-disabled={busy || undefined}>
                Companies
              </TabsTrigger>
            </TabsList>
          </Tabs>
          <Button variant="outline" size="sm" onClick={startOver} pending={run.isPending}>
            <UploadIcon /> Choose another file
          </Button>
        </div>
      </div>
      <FormMessage>{preview.error?.message ?? run.error?.message}</FormMessage>
      <MappingCard
        kind={kind}
        headers={data.headers}
        samples={data.columnSamples}
        mapping={data.mapping}
        pending={busy}
        onChange={(mapping: TColumnTarget[]) => preview.mutate({ ...file, kind, mapping })}
      />
      <PreviewCard kind={kind} preview={data} />
      <div className="sticky bottom-0 z-10 -mx-4 flex flex-wrap items-center justify-end gap-3 border-t bg-background/95 px-4 py-3 backdrop-blur sm:mx-0 sm:rounded-lg sm:border">
        <p className="mr-auto text-sm text-muted-foreground" aria-live="polite">
          {run.isPending
            ? `Importing ${numbers.format(data.goodRows)} rows…`
            : data.badRowCount > 0
              ? `${numbers.format(data.badRowCount)} bad ${data.badRowCount === 1 ? "row is" : "rows are"} skipped and listed in the report.`
              : "Every row is ready."}
        </p>
        <Button
          onClick={() => run.mutate({ ...file, kind, mapping: data.mapping })}
          pending={busy}
          disabled={data.goodRows === 0 || data.mappingProblem !== null}
        >
          {run.isPending ? <Spinner /> : null}
          Import {numbers.format(data.goodRows)}{" "}
          {kind === "person"
            ? data.goodRows === 1
              ? "person"
              : "people"
            : data.goodRows === 1
              ? "company"
              : "companies"}
        </Button>
      </div>
    </div>
  );
}
