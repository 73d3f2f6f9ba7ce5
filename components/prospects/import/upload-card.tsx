"use client";

import { FileUpIcon } from "lucide-react";
import { useRef, useState } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { FormMessage } from "@/components/ui/form";
import { Spinner } from "@/components/ui/spinner";
import { Tabs, TabsList, TabsTrigger } from "@/components/ui/tabs";
import type { TProspectKind } from "@/server/prospects/schemas";

export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Step 1: what the file holds, and the file. Oversized files are refused before upload. */
export function UploadCard({
  kind,
  onKindChange,
  onFile,
  busy,
  error,
}: {
  kind: TProspectKind;
  onKindChange: (kind: TProspectKind) => void;
  onFile: (file: File) => void;
  busy: boolean;
  error?: string;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [tooBig, setTooBig] = useState<string>();

  function take(file: File | undefined) {
    if (!file || busy) return;
    if (file.size > MAX_FILE_BYTES) {
      setTooBig(
        `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; Tandem imports CSV files up to 10 MB. Split it into smaller files and import each one.`,
      );
      return;
    }
    setTooBig(undefined);
    onFile(file);
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-base">Upload a CSV file</CardTitle>
        <CardDescription>
          One {kind === "person" ? "person" : "company"} per row, with column names in the first row. Commas, semicolons
          and tabs all work.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <div className="grid gap-2">
          <span className="text-sm font-medium" id="import-kind-label">
            The file lists
          </span>
          <Tabs value={kind} onValueChange={(value) => onKindChange(value as TProspectKind)}>
            <TabsList aria-labelledby="import-kind-label">
              <TabsTrigger value="person">People</TabsTrigger>
              <TabsTrigger value="company">Companies</TabsTrigger>
            </TabsList>
          </Tabs>
        </div>
        <FormMessage>{tooBig ?? error}</FormMessage>
        <label
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(event) => {
            event.preventDefault();
            setDragging(false);
            take(event.dataTransfer.files[0]);
          }}
          className={cn(
            "flex cursor-pointer flex-col items-center justify-center gap-2 rounded-xl border border-dashed px-6 py-10 text-center transition-colors hover:bg-muted/40 focus-within:ring-[3px] focus-within:ring-ring/50",
            dragging && "border-primary bg-primary/5",
            busy && "pointer-events-none opacity-70",
          )}
        >
          <span className="flex size-10 items-center justify-center rounded-lg border bg-card text-muted-foreground shadow-xs">
            {busy ? <Spinner /> : <FileUpIcon className="size-5" aria-hidden="true" />}
          </span>
          <span className="text-sm font-medium">
            {busy ? "Reading the file…" : "Choose a CSV file or drop it here"}
          </span>
          <span className="text-xs text-muted-foreground">
            Up to 10 MB. Nothing is imported until you have checked the preview.
          </span>
          <input
            ref={input}
            type="file"
            accept=".csv,.tsv,.txt,text/csv,text/plain"
            aria-label="CSV file"
            className="sr-only"
            // Not `disabled` while reading: a disabled control drops the keyboard's focus. The
            // cancelled click keeps the file chooser shut meanwhile.
            aria-disabled={busy || undefined}
            onClick={(event) => busy && event.preventDefault()}
            onChange={(event) => {
              take(event.target.files?.[0]);
              // Picking the same file again must fire again.
              event.target.value = "";
            }}
          />
        </label>
      </CardContent>
    </Card>
  );
}
