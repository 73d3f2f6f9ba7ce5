"use client";

import { useIsMutating, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { CircleAlertIcon } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Skeleton } from "@/components/ui/skeleton";
import { useTRPC } from "@/components/trpc/provider";
import type { TMergeResult } from "@/server/duplicates/merge/merge-schemas";
import { formatScore, pairName } from "./duplicate-display";
import { ReasonChips } from "./duplicate-pair-card";
import { MergeForm } from "./merge-form";

/**
 * The merge dialog for the pair in the URL (`pair`), from the queue's "Merge…" or a profile's
 * "Review" link. Closing it (Escape, Cancel, outside) clears the URL; it stays open while merging.
 */
export function MergeDialog({
  pairId,
  isAdmin,
  onClose,
  onMerged,
  onCloseAutoFocus,
}: {
  pairId: string | undefined;
  isAdmin: boolean;
  onClose: () => void;
  onMerged: (result: TMergeResult, names: { survivor: string; loser: string }) => void;
  onCloseAutoFocus?: (event: Event) => void;
}) {
  const trpc = useTRPC();
  // While the dialog closes, it keeps showing the pair it showed.
  const [shown, setShown] = useState(pairId);
  if (pairId !== undefined && pairId !== shown) setShown(pairId);
  const preview = useQuery({
    ...trpc.duplicates.mergePreview.queryOptions({ pairId: shown ?? "" }),
    enabled: pairId !== undefined,
    retry: false,
    staleTime: 0,
  });
  const merging = useIsMutating({ mutationKey: trpc.duplicates.merge.mutationKey() }) > 0;
  const data = preview.data && preview.data.pairId === shown ? preview.data : undefined;
  return (
    <Dialog open={pairId !== undefined} onOpenChange={(open) => (open ? undefined : onClose())}>
      <DialogContent
        className="sm:max-w-2xl"
        onCloseAutoFocus={onCloseAutoFocus}
        // While the merge runs, the dialog stays: its result or its error shows here.
        onInteractOutside={(event) => (merging ? event.preventDefault() : undefined)}
        onEscapeKeyDown={(event) => (merging ? event.preventDefault() : undefined)}
      >
        <DialogHeader>
          <DialogTitle>Merge duplicates</DialogTitle>
          <DialogDescription asChild>
            <div className="grid gap-2">
              {data ? (
                <>
                  <p>
                    {pairName({
                      a: { ...data.records.a, type: data.records.a.ref.type },
                      b: { ...data.records.b, type: data.records.b.ref.type },
                    })}{" "}
                    look like one {data.entity === "people" ? "person" : "company"} ({formatScore(data.score)} match).
                    Choose the record to keep and its values.
                  </p>
                  <ReasonChips reasons={data.reasons} label="Why they look alike" />
                </>
              ) : (
                <p>Choose the record to keep and its values.</p>
              )}
            </div>
          </DialogDescription>
        </DialogHeader>
        {data ? (
          <MergeForm key={data.pairId} preview={data} isAdmin={isAdmin} onMerged={onMerged} />
        ) : preview.isError ? (
          <>
            <Alert variant="destructive" icon={<CircleAlertIcon />}>
              <AlertTitle>This pair cannot be merged</AlertTitle>
              <AlertDescription>
                <p>{preview.error.message}</p>
              </AlertDescription>
            </Alert>
            <DialogFooter>
              <DialogClose asChild>
                <Button variant="outline">Close</Button>
              </DialogClose>
            </DialogFooter>
          </>
        ) : (
          <div className="grid gap-3" aria-busy="true" aria-label="Loading the two records">
            <Skeleton className="h-20 w-full" />
            <Skeleton className="h-40 w-full" />
            <Skeleton className="h-16 w-full" />
          </div>
        )}
      </DialogContent>
    </Dialog>
  );
}
