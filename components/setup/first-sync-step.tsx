"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { CheckCircle2Icon, PauseIcon, PlayIcon } from "lucide-react";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form";
import { Progress } from "@/components/ui/progress";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { OBJECT_LABELS } from "./object-labels";
import { useRates } from "./use-rates";

/**
 * The first sync, driven from the page one tick at a time (each bounded in time), so it works
 * behind any proxy and on serverless hosts. Progress lives in the database: a reload shows
 * where it stands and carries on; Cancel pauses it; the schedule also continues it.
 */
export function FirstSyncStep({ onBack, onContinue }: { onBack: () => void; onContinue: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const progress = useQuery({ ...trpc.sync.progress.queryOptions(), refetchInterval: 1000 });
  const [driving, setDriving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const stopRequested = useRef(false);
  const [stopping, setStopping] = useState(false);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const primary = useRef<HTMLButtonElement>(null);
  const runNow = useMutation(trpc.sync.runNow.mutationOptions());
  const pause = useMutation(trpc.sync.pause.mutationOptions());
  const rates = useRates(progress.data?.objects ?? []);

  const drive = useCallback(async () => {
    stopRequested.current = false;
    setStopping(false);
    setDriving(true);
    setFailure(null);
    try {
      for (let round = 0; round < 10_000 && !stopRequested.current; round++) {
        const summary = await runNow.mutateAsync({ trigger: "wizard" });
        await queryClient.invalidateQueries({ queryKey: trpc.sync.progress.queryKey() });
        if ("skipped" in summary) {
          // Another tick (the schedule) holds the lease: wait and look again.
          await new Promise((resolve) => setTimeout(resolve, 1500));
          continue;
        }
        if (!summary.ok && !summary.more) {
          setFailure(summary.failures?.map((failure) => failure.message).join(" ") ?? "The sync failed.");
          break;
        }
        if (!summary.more) break;
      }
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      // Cancel goes away with the sync it stopped: its focus moves on to the button that resumes.
      if (document.activeElement === cancelButton.current) primary.current?.focus();
      setDriving(false);
      await queryClient.invalidateQueries({ queryKey: trpc.sync.setupProgress.queryKey() });
    }
  }, [queryClient, runNow, trpc]);

  const state = progress.data?.state;
  // A reload in the middle of the first sync carries on by itself.
  const resumed = useRef(false);
  useEffect(() => {
    if (!resumed.current && state === "running" && !driving) {
      resumed.current = true;
      void drive();
    }
  }, [state, driving, drive]);

  const cancel = async () => {
    stopRequested.current = true;
    setStopping(true);
    await pause.mutateAsync();
    await queryClient.invalidateQueries({ queryKey: trpc.sync.progress.queryKey() });
  };

  const done = state === "done";
  return (
    <Card>
      <CardHeader>
        <CardTitle asChild className="flex items-center gap-2 text-xl">
          <h1>
            {done ? <CheckCircle2Icon className="size-5 text-success" aria-hidden="true" /> : null}
            {done ? "First sync finished" : "First sync"}
          </h1>
        </CardTitle>
        <CardDescription>
          {done
            ? "Tandem holds a copy of your org and keeps it fresh from now on."
            : "Tandem reads every lead, contact, account and opportunity once. Large orgs take a while; you can leave this page and come back."}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-5">
        {progress.data ? (
          progress.data.objects.map((object) => {
            const total = object.total ?? 0;
            const percent = object.initialLoadAt ? 100 : total > 0 ? Math.min(100, (object.loaded / total) * 100) : 0;
            const rate = rates[object.object];
            const left = rate && total > object.loaded ? Math.ceil((total - object.loaded) / rate) : null;
            return (
              <div key={object.object} className="grid gap-1.5">
                <div className="flex items-baseline justify-between gap-3 text-sm">
                  <span className="font-medium">{OBJECT_LABELS[object.object].many}</span>
                  <span className="tabular-nums text-muted-foreground">
                    {object.initialLoadAt
                      ? `${object.stored.toLocaleString()} in Tandem`
                      : object.total !== null
                        ? `${object.loaded.toLocaleString()} / ${object.total.toLocaleString()}${rate ? ` · ${Math.round(rate).toLocaleString()}/s` : ""}${left !== null ? ` · ${formatSeconds(left)} left` : ""}`
                        : "waiting"}
                  </span>
                </div>
                <Progress value={percent} aria-label={`${OBJECT_LABELS[object.object].many} loaded`} />
              </div>
            );
          })
        ) : (
          <Skeleton className="h-40" />
        )}
        {done && progress.data ? (
          <div className="grid gap-1 rounded-lg bg-muted/60 p-4 text-sm">
            <p>
              <strong className="tabular-nums">{progress.data.suppressedLeads.toLocaleString()}</strong> leads are kept
              as their contacts (same person).
            </p>
            <p>
              <strong className="tabular-nums">{progress.data.prospectsInCrm.toLocaleString()}</strong> prospects were
              found already in your CRM and leave prospecting lists.
            </p>
          </div>
        ) : null}
        {state === "paused" && !driving ? (
          <p className="text-sm text-muted-foreground">
            Paused. Resume whenever you like; nothing read so far is lost.
          </p>
        ) : null}
        <FormMessage>{failure}</FormMessage>
      </CardContent>
      <CardFooter className="justify-between">
        <Button variant="ghost" onClick={onBack}>
          Back
        </Button>
        <div className="flex gap-2">
          {!done && driving ? (
            <Button ref={cancelButton} variant="outline" pending={stopping} onClick={cancel}>
              <PauseIcon /> Cancel
            </Button>
          ) : null}
          {/* One button from Start to Continue, so the keyboard's focus stays on it throughout. */}
          <Button ref={primary} pending={!done && driving} onClick={done ? onContinue : () => void drive()}>
            {done ? (
              "Continue"
            ) : driving ? (
              <>
                <Spinner /> Syncing…
              </>
            ) : (
              <>
                <PlayIcon /> {state === "paused" || state === "running" ? "Resume" : "Start first sync"}
              </>
            )}
          </Button>
        </div>
      </CardFooter>
    </Card>
  );
}

function formatSeconds(seconds: number) {
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60 ? `${minutes}m ${seconds % 60}s` : `${Math.floor(minutes / 60)}h ${minutes % 60}m`;
}
