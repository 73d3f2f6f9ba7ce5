"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { RefreshCwIcon } from "lucide-react";
import { toast } from "sonner";
import { RelativeTime } from "@/components/records/profile/relative-time";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";

/**
 * DUP-3's "Stop syncing that Salesforce record", undone: the records a merge set aside, each
 * with why and when, and "Sync again" (the next change to it in Salesforce brings it back).
 */
export function IgnoredRecords() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const ignored = useQuery(trpc.duplicates.ignored.queryOptions());
  const resume = useMutation(
    trpc.duplicates.resumeSyncing.mutationOptions({
      onError: (error) => toast.error("Could not sync it again", { description: error.message }),
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.duplicates.ignored.queryKey() }),
    }),
  );
  if (ignored.isError) {
    return (
      <p role="alert" className="text-sm text-destructive">
        {ignored.error.message}
      </p>
    );
  }
  if (!ignored.data) return <Skeleton className="h-24 w-full" />;
  if (ignored.data.length === 0) {
    return (
      <p className="text-sm text-muted-foreground">
        None: Tandem syncs every Salesforce record. Records show here when an admin stops syncing one in the merge
        dialog on the Duplicates page.
      </p>
    );
  }
  return (
    <ul aria-label="Salesforce records Tandem doesn't sync" className="divide-y rounded-md border">
      {ignored.data.map((record) => {
        const running = resume.isPending && resume.variables?.sfId === record.sfId;
        return (
          <li key={record.sfId} className="flex flex-wrap items-center gap-x-4 gap-y-2 px-3 py-2.5">
            <div className="grid min-w-0 flex-1 basis-64 gap-0.5">
              <p className="text-sm">
                <span className="font-medium break-words">{record.name}</span>{" "}
                <span className="text-muted-foreground">
                  · {record.object} <span className="font-mono text-xs">{record.sfId}</span>
                </span>
              </p>
              <p className="text-xs text-muted-foreground">
                {record.reason} · <RelativeTime at={record.createdAt} />
              </p>
            </div>
            <Button
              variant="outline"
              size="sm"
              aria-label={`Sync again: ${record.name}`}
              pending={running}
              onClick={() =>
                resume.mutate(
                  { sfId: record.sfId },
                  {
                    onSuccess: () =>
                      toast.success(`${record.name} syncs again`, {
                        description: "The next time it changes in Salesforce, it comes back as its own record.",
                      }),
                  },
                )
              }
            >
              {running ? <Spinner label="Syncing again" /> : <RefreshCwIcon />} Sync again
            </Button>
          </li>
        );
      })}
    </ul>
  );
}
