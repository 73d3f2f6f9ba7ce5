"use client";

import { useQueryClient } from "@tanstack/react-query";
import { DownloadIcon } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { badRowsCsv, badRowsFileName, downloadCsv } from "./bad-rows-csv";

/** Fetches an import's whole bad-row report and saves it as CSV. */
export function DownloadBadRowsButton({
  importId,
  label = "Download bad rows (CSV)",
  size = "sm",
}: {
  importId: string;
  label?: string;
  size?: "sm" | "default";
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  async function download() {
    setBusy(true);
    try {
      const report = await queryClient.fetchQuery(trpc.prospects.importReport.queryOptions({ importId }));
      downloadCsv(badRowsFileName(report.fileName), badRowsCsv(report.badRows));
    } catch (error) {
      toast.error(error instanceof Error ? error.message : "The report could not be downloaded. Try again.");
    } finally {
      setBusy(false);
    }
  }
  return (
    <Button variant="outline" size={size} onClick={download} pending={busy}>
      {busy ? <Spinner /> : <DownloadIcon />} {label}
    </Button>
  );
}
