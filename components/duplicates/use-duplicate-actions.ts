"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc/provider";
import type { TDuplicateList, TDuplicatePair } from "@/server/duplicates/duplicate-schemas";
import { pairName } from "./duplicate-display";
import type { TDuplicatesListInput } from "./duplicates-params";

type TDecision = "dismiss" | "later" | "reopen";

/** The list as it looks once a decision is made: the pair leaves it, or (showing later ones) is marked later. */
function afterDecision(
  list: TDuplicateList,
  pairId: string,
  decision: TDecision,
  includeLater: boolean,
): TDuplicateList {
  const stays = decision === "reopen" || (decision === "later" && includeLater);
  if (stays) {
    const state = decision === "reopen" ? "open" : "later";
    return { ...list, rows: list.rows.map((row) => (row.id === pairId ? { ...row, state } : row)) };
  }
  const rows = list.rows.filter((row) => row.id !== pairId);
  return { ...list, rows, total: list.total - (list.rows.length - rows.length) };
}

/**
 * The queue's decisions, shown at once and undone on failure: "Not a duplicate", "Later", and
 * "Reopen"; each toast offers to take it back. Also the undo of a merge, from the merge's toast.
 */
export function useDuplicateActions(input: TDuplicatesListInput) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [deciding, setDeciding] = useState<string | null>(null);
  const listKey = trpc.duplicates.list.queryKey(input);
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.duplicates.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.records.pathKey() }),
    ]);

  const decide = useMutation(trpc.duplicates.decide.mutationOptions());
  const undoMerge = useMutation(trpc.duplicates.undoMerge.mutationOptions());

  async function decidePair(pair: TDuplicatePair, decision: TDecision) {
    setDeciding(pair.id);
    await queryClient.cancelQueries({ queryKey: listKey });
    const before = queryClient.getQueryData<TDuplicateList>(listKey);
    if (before) queryClient.setQueryData(listKey, afterDecision(before, pair.id, decision, input.includeLater));
    try {
      await decide.mutateAsync({ pairId: pair.id, decision });
      const takeBack = { label: "Undo", onClick: () => void decidePair(pair, "reopen") };
      if (decision === "dismiss") {
        toast.success("Marked not a duplicate", {
          description: `${pairName(pair)} stay out of the queue until either one changes.`,
          action: takeBack,
        });
      } else if (decision === "later") {
        toast.success("Put off for later", {
          description: `${pairName(pair)} wait under "Show later".`,
          action: takeBack,
        });
      } else {
        toast.success("Back in the queue", { description: pairName(pair) });
      }
    } catch (error) {
      if (before) queryClient.setQueryData(listKey, before);
      toast.error("That did not work", { description: (error as Error).message });
    } finally {
      setDeciding(null);
      await refresh();
    }
  }

  function undo(mergeId: string, names: { survivor: string; loser: string }) {
    undoMerge.mutate(
      { mergeId },
      {
        onSuccess: () =>
          toast.success("Merge undone", {
            description: `${names.loser} is its own record again, and the pair is back in the queue.`,
          }),
        onError: (error) => toast.error("The merge cannot be undone", { description: error.message }),
        onSettled: () => void refresh(),
      },
    );
  }

  /** After a merge: the queue refreshes, and the toast offers to undo it. */
  function merged(result: { mergeId: string; salesforce: string }, names: { survivor: string; loser: string }) {
    void refresh();
    const where =
      result.salesforce === "merged"
        ? " Salesforce merged them too."
        : result.salesforce === "converted"
          ? " Salesforce converted the lead."
          : "";
    toast.success("Merged", {
      description: `${names.loser} was merged into ${names.survivor}.${where}`,
      action: result.salesforce === "none" ? { label: "Undo", onClick: () => undo(result.mergeId, names) } : undefined,
      duration: 10_000,
    });
  }

  return { decidePair, deciding, merged, refresh };
}
