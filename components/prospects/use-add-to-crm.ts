"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc/provider";
import type { TAddToCrmInput, TAddToCrmResult } from "@/server/records/write/form-schemas";
import { addToCrmSummary, skippedReasons } from "./add-to-crm-result";

const numbers = new Intl.NumberFormat("en");
const TOAST_ID = "add-to-crm";

/**
 * "Add to CRM" for one prospect, a selection or all of them. The server works through thousands
 * in chunks inside one request: while it runs, a toast and the bar say so; when it answers, the
 * toast and a summary above the list say what was added, what was in the CRM already and why
 * the rest were skipped.
 */
export function useAddToCrm({ onAdded }: { onAdded?: () => void } = {}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [result, setResult] = useState<TAddToCrmResult | null>(null);
  const [running, setRunning] = useState<string | null>(null);
  const add = useMutation(
    trpc.crm.prospects.addToCrm.mutationOptions({
      onMutate: () => setResult(null),
      onSuccess: async (answer) => {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.prospects.list.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.records.pathKey() }),
        ]);
        setResult(answer);
        const reasons = skippedReasons(answer);
        const description = reasons.length
          ? reasons
              .slice(0, 2)
              .map(({ reason, count }) => (count > 1 ? `${reason} (${numbers.format(count)})` : reason))
              .join(" ")
          : undefined;
        if (answer.created === 0 && answer.skipped > 0)
          toast.warning(addToCrmSummary(answer), { id: TOAST_ID, description });
        else toast.success(addToCrmSummary(answer), { id: TOAST_ID, description });
        onAdded?.();
      },
      onError: (error) => toast.error(`Nothing was added: ${error.message}`, { id: TOAST_ID }),
      onSettled: () => setRunning(null),
    }),
  );

  /** `what` names the target in the pending message: "Ada Lovelace", "12 prospects". */
  function run(input: TAddToCrmInput, what: string) {
    setRunning(what);
    toast.loading(`Adding ${what} to the CRM…`, { id: TOAST_ID });
    add.mutate(input);
  }

  return {
    run,
    pending: add.isPending,
    running,
    result,
    dismissResult: () => setResult(null),
    pendingIds: add.isPending && add.variables && "ids" in add.variables.target ? add.variables.target.ids : [],
  };
}
