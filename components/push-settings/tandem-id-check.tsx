"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { CircleCheckIcon, CircleDashedIcon, RefreshCwIcon } from "lucide-react";
import Link from "next/link";
import { toast } from "sonner";
import { RelativeTime } from "@/components/records/profile/relative-time";
import { useTRPC } from "@/components/trpc/provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import type { TPushSettingsView } from "@/server/settings/push-settings-schemas";

/** What each object holds, in the words of this page. */
const OBJECT_WHAT: Record<string, string> = {
  Account: "accounts",
  Contact: "people pushed as contacts",
  Lead: "people pushed as leads",
  Opportunity: "opportunities",
  Task: "calls, emails and tasks",
  Event: "meetings",
};

const listOf = (items: string[]) =>
  items.length > 1 ? `${items.slice(0, -1).join(", ")} and ${items.at(-1)}` : (items[0] ?? "");

/** Task and Event keep their custom fields on Activity, one field serving both. */
const SETUP_OBJECT: Record<string, string> = { Task: "Activity", Event: "Activity" };

function SetupSteps({ missing, username }: { missing: string[]; username: string | null }) {
  const setupObjects = [...new Set(missing.map((object) => SETUP_OBJECT[object] ?? object))];
  return (
    <div className="grid gap-2 text-sm">
      <p className="font-medium">
        Add it in Salesforce, once for {setupObjects.length === 1 ? "this object" : "each of these objects"}:{" "}
        {listOf(setupObjects)}
      </p>
      <ol className="ml-5 grid list-decimal gap-1 text-muted-foreground marker:text-foreground">
        <li>
          In Salesforce, open <strong className="text-foreground">Setup → Object Manager</strong> and pick the object
          {missing.some((object) => SETUP_OBJECT[object]) ? " (for Task and Event that is Activity)" : ""}.
        </li>
        <li>
          Open <strong className="text-foreground">Fields &amp; Relationships → New</strong>, choose{" "}
          <strong className="text-foreground">Text</strong>, then Next.
        </li>
        <li>
          Field Label <strong className="text-foreground">Tandem ID</strong>, Length{" "}
          <strong className="text-foreground">64</strong>, Field Name{" "}
          <strong className="text-foreground">Tandem_Id</strong> (Salesforce adds the __c).
        </li>
        <li>
          Check <strong className="text-foreground">Unique</strong> (treat “ABC” and “abc” as the same value) and{" "}
          <strong className="text-foreground">External ID</strong>, then Next.
        </li>
        <li>
          Make it visible to the profile of the user Tandem connects as{username ? ` (${username})` : ""}, then Next and{" "}
          <strong className="text-foreground">Save</strong>.
        </li>
        <li>Come back here and press Check again.</li>
      </ol>
    </div>
  );
}

const DAY_MS = 24 * 60 * 60_000;

/**
 * Exactly-once creates (PUSH-2): per object, whether the org has the `Tandem_Id__c` external Id
 * Tandem upserts by, how to add it where missing, and what happens without it.
 */
export function TandemIdCheck({ username }: { username: string | null }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const settings = useQuery(trpc.push.settings.get.queryOptions());
  const check = useMutation(
    trpc.push.settings.checkOrg.mutationOptions({
      onSuccess: (tandemId) => {
        queryClient.setQueryData(trpc.push.settings.get.queryKey(), (old: TPushSettingsView | undefined) =>
          old ? { ...old, tandemId } : old,
        );
      },
      onError: (error) => toast.error(error.message),
    }),
  );
  const view = settings.data;
  // Opening the page checks an org that was never checked, or not today (one describe, one query).
  const { mutate, isIdle } = check;
  const connected = Boolean(view?.connected);
  const checkedAt = view?.tandemId?.checkedAt ?? null;
  useEffect(() => {
    if (connected && isIdle && (checkedAt === null || Date.now() - checkedAt > DAY_MS)) mutate();
  }, [connected, checkedAt, isIdle, mutate]);
  if (!view) return <Skeleton className="h-48 w-full" />;
  if (!view.connected) {
    return (
      <p className="text-sm text-muted-foreground">
        Tandem checks which objects have the field once Salesforce is connected.{" "}
        <Link href="/setup?step=connect" className="text-primary underline underline-offset-4">
          Connect Salesforce
        </Link>
      </p>
    );
  }
  const result = view.tandemId;
  const missing = result?.objects.filter((object) => !object.hasTandemId).map((object) => object.object) ?? [];

  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-muted-foreground" aria-live="polite">
          {result ? (
            <>
              Checked <RelativeTime at={result.checkedAt} />
            </>
          ) : (
            "Not checked yet."
          )}
        </p>
        <Button
          variant="outline"
          size="sm"
          onClick={() =>
            check.mutate(undefined, {
              onSuccess: (tandemId) => {
                const missing = tandemId.objects.filter((object) => !object.hasTandemId).length;
                toast.success(
                  missing === 0 ? "Every object has Tandem_Id__c." : "Checked. See which objects still need it.",
                );
              },
            })
          }
          pending={check.isPending}
        >
          {check.isPending ? <Spinner label="Checking" /> : <RefreshCwIcon />} {result ? "Check again" : "Check now"}
        </Button>
      </div>
      {result ? (
        <ul className="grid gap-2 sm:grid-cols-2" aria-label="Tandem_Id__c per object">
          {result.objects.map((object) => (
            <li key={object.object} className="flex items-center justify-between gap-3 rounded-md border px-3 py-2">
              <div className="min-w-0">
                <p className="text-sm font-medium">{object.object}</p>
                <p className="text-xs text-muted-foreground">{OBJECT_WHAT[object.object] ?? ""}</p>
              </div>
              {object.hasTandemId ? (
                <Badge variant="success">
                  <CircleCheckIcon aria-hidden="true" /> Has Tandem ID
                </Badge>
              ) : (
                <Badge variant="warning">
                  <CircleDashedIcon aria-hidden="true" /> Missing
                </Badge>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {missing.length > 0 ? (
        <>
          <SetupSteps missing={missing} username={username} />
          <p className="text-sm text-muted-foreground">
            Without it, pushes to {listOf(missing)} still work: when Tandem cannot tell whether a create reached
            Salesforce (a timeout, a dropped connection, a restart while sending), it looks the record up before sending
            it again, so nothing is created twice. With the field, Salesforce itself guarantees it, at no extra API
            call.
          </p>
        </>
      ) : null}
    </div>
  );
}
