"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc/provider";
import type { TMappedObject } from "@/server/sync/core/field-mapping";
import { keptMessage, queuedMessage, withFields, type TEnrichmentItem } from "./enrichment-targets";

/** A "Use Tandem's value" the server held back because push is off: it waits for the rep's answer. */
export type TOneOffRequest = { items: TEnrichmentItem[]; values: number; pushOff: TMappedObject[]; key: string };

/**
 * MAP-5's actions. "Use Tandem's value" asks the server first; when push is off for the records'
 * kind it queues nothing and names the objects, and the page asks whether to send these values
 * once (`oneOff`). `key` names the control that started an action, so that control shows it runs.
 */
export function useEnrichmentActions({ onQueued }: { onQueued: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [running, setRunning] = useState<string | null>(null);
  const [oneOff, setOneOff] = useState<TOneOffRequest | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.enrichment.list.queryKey() });
  const onError = (error: { message: string }) => toast.error(error.message);
  const onSettled = () => setRunning(null);

  const tandem = useMutation(trpc.enrichment.useTandemValue.mutationOptions({ onError, onSettled }));
  const keep = useMutation(trpc.enrichment.keepSalesforceValue.mutationOptions({ onError, onSettled }));

  function applyTandemValue(key: string, chosen: readonly TEnrichmentItem[], confirmed = false) {
    const { items, values } = withFields(chosen);
    if (items.length === 0) {
      toast.info("Nothing to send: these values are already on their way to Salesforce.");
      return Promise.resolve();
    }
    setRunning(key);
    return tandem
      .mutateAsync({ items, oneOff: confirmed })
      .then(async (result) => {
        if (result.fields === 0 && result.pushOff.length > 0) {
          setOneOff({ items, values, pushOff: result.pushOff, key });
          return;
        }
        setOneOff(null);
        if (result.fields > 0) toast.success(queuedMessage(result.fields));
        else toast.info("Nothing to send: Salesforce already holds these values.");
        onQueued();
        await refresh();
      })
      .catch(() => undefined);
  }

  function keepSalesforceValue(key: string, chosen: readonly TEnrichmentItem[]) {
    const { items } = withFields(chosen);
    if (items.length === 0) return;
    setRunning(key);
    keep.mutate(
      { items },
      {
        onSuccess: async (result) => {
          if (result.fields > 0) toast.success(keptMessage(result.fields));
          else toast.info("Nothing to keep: Salesforce already holds Tandem's values here.");
          onQueued();
          await refresh();
        },
      },
    );
  }

  return {
    applyTandemValue: (key: string, items: readonly TEnrichmentItem[]) => void applyTandemValue(key, items),
    keepSalesforceValue,
    oneOff,
    confirmOneOff: () => (oneOff ? applyTandemValue(oneOff.key, oneOff.items, true) : Promise.resolve()),
    cancelOneOff: () => setOneOff(null),
    running,
    busy: tandem.isPending || keep.isPending,
  };
}
