"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc/provider";

const pushes = (count: number) => `${count} push${count === 1 ? "" : "es"}`;

/** Retry, retry all with a code, create anyway and dismiss; each refreshes the log and the badge. */
export function useErrorActions() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.push.errors.list.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.push.errors.count.queryKey() }),
    ]);
  const onError = (error: { message: string }) => toast.error(error.message);

  const retry = useMutation(
    trpc.push.errors.retry.mutationOptions({
      onSuccess: (result) => {
        if (result.retried > 0) toast.success(`Sending ${pushes(result.retried)} to Salesforce again.`);
        else toast.info("Nothing to retry: these errors are already being retried or resolved.");
        return refresh();
      },
      onError,
    }),
  );
  const createAnyway = useMutation(
    trpc.push.errors.createAnyway.mutationOptions({
      onSuccess: (result) => {
        if (result.retried > 0) toast.success("Creating it in Salesforce anyway, past the duplicate rule.");
        else toast.info("Nothing to send: this error is already being retried or resolved.");
        return refresh();
      },
      onError,
    }),
  );
  const dismiss = useMutation(
    trpc.push.errors.dismiss.mutationOptions({
      onSuccess: (result) => {
        if (result.dismissed > 0)
          toast.success(
            result.dismissed === 1
              ? "Dismissed. The record stays unsent; editing it or retrying sends it again."
              : `Dismissed ${result.dismissed} errors.`,
          );
        return refresh();
      },
      onError,
    }),
  );
  return { retry, createAnyway, dismiss, busy: retry.isPending || createAnyway.isPending || dismiss.isPending };
}
