"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { PUSH_KIND_WORDS } from "@/components/crm/owner-line";
import { useTRPC } from "@/components/trpc/provider";
import type { TPushKind } from "@/server/sync/core/push-kinds";

/** What the rep reads once a record exists: whether it is on its way to Salesforce. */
export function createdMessage(record: { name: string; pushState: string }, kind: TPushKind): string {
  return record.pushState === "local"
    ? `${record.name} was created. It stays in Tandem while pushing ${PUSH_KIND_WORDS[kind]} is off.`
    : `${record.name} was created and is on its way to Salesforce.`;
}

/**
 * What a create dialog does once the record exists: the lists and profiles refresh, the rep reads
 * `message`, the dialog closes and the new record's profile (`path`) opens.
 */
export function useOpenCreated(close: () => void) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  return async (message: string, path: string) => {
    await queryClient.invalidateQueries({ queryKey: trpc.records.pathKey() });
    toast.success(message);
    close();
    router.push(path);
  };
}
