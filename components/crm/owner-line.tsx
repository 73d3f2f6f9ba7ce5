"use client";

import { useQuery } from "@tanstack/react-query";
import { CloudOffIcon, UserRoundIcon } from "lucide-react";
import { useTRPC } from "@/components/trpc/provider";
import { Skeleton } from "@/components/ui/skeleton";
import type { TPushKind } from "@/server/sync/core/push-kinds";

/** How each push kind reads in a sentence. */
export const PUSH_KIND_WORDS: Record<TPushKind, string> = {
  people: "people",
  accounts: "accounts",
  opportunities: "opportunities",
  activities: "calls and emails",
  tasks: "tasks",
  meetings: "meetings",
  notes: "notes",
};

/**
 * The line under every create form: who will own the record in Salesforce (the user with the
 * rep's email, or the connected user), and, while PUSH-1 keeps its kind off, that it stays in
 * Tandem.
 */
export function OwnerLine({ kind, showOwner = true }: { kind: TPushKind; showOwner?: boolean }) {
  const trpc = useTRPC();
  const owner = useQuery({ ...trpc.crm.owner.preview.queryOptions(), enabled: showOwner });
  const options = useQuery(trpc.crm.form.options.queryOptions());
  const pushOff = options.data ? !options.data.pushEnabled[kind] : false;
  return (
    <div className="grid gap-1.5 rounded-md border bg-muted/40 px-3 py-2 text-[0.8125rem] text-muted-foreground">
      {showOwner ? (
        <div className="flex items-start gap-2">
          <UserRoundIcon aria-hidden="true" className="mt-0.5 size-3.5 shrink-0" />
          {owner.data ? (
            <p>{owner.data.message}</p>
          ) : owner.isError ? (
            <p>The Salesforce owner could not be looked up; it is decided when the record is pushed.</p>
          ) : (
            <Skeleton className="h-4 w-56 max-w-full" />
          )}
        </div>
      ) : null}
      {pushOff ? (
        <div className="flex items-start gap-2">
          <CloudOffIcon aria-hidden="true" className="mt-0.5 size-3.5 shrink-0" />
          <p>
            Pushing {PUSH_KIND_WORDS[kind]} to Salesforce is off, so this stays in Tandem, marked “Not in Salesforce”,
            until an admin turns it on.
          </p>
        </div>
      ) : null}
    </div>
  );
}
