"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { LockIcon } from "lucide-react";
import { useTRPC } from "@/components/trpc/provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { Switch } from "@/components/ui/switch";
import { OBJECT_LABELS } from "./object-labels";

const OBJECTS = ["Lead", "Contact", "Account", "Opportunity"] as const;

/** PULL-1/PULL-2: everything is pulled; each object can be hidden from view. */
export function PullVisibilitySettings() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const visibility = useQuery(trpc.sync.visibility.queryOptions());
  const update = useMutation(
    trpc.sync.setVisibility.mutationOptions({
      onSuccess: (next) => queryClient.setQueryData(trpc.sync.visibility.queryKey(), next),
    }),
  );
  return (
    <ul className="divide-y rounded-lg border">
      {OBJECTS.map((object) => {
        const id = `show-${object}`;
        return (
          <li key={object} className="flex items-center justify-between gap-4 px-4 py-3">
            <div className="min-w-0">
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{OBJECT_LABELS[object].many}</span>
                <Badge variant="secondary" className="gap-1">
                  <LockIcon className="size-3" aria-hidden="true" /> Always pulled
                </Badge>
              </div>
            </div>
            <div className="flex shrink-0 items-center gap-2">
              <label htmlFor={id} className="text-sm text-muted-foreground">
                Show in Tandem
              </label>
              {visibility.data ? (
                <Switch
                  id={id}
                  checked={visibility.data[object]}
                  // Not `disabled` while saving: a disabled control drops the keyboard's focus.
                  aria-disabled={update.isPending || undefined}
                  onCheckedChange={(visible) => !update.isPending && update.mutate({ object, visible })}
                />
              ) : (
                <Skeleton className="h-5 w-9 rounded-full" />
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}

export function PullSettingsStep({ onBack, onContinue }: { onBack: () => void; onContinue: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const confirm = useMutation(
    trpc.sync.completeSetupStep.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.sync.setupProgress.queryKey() });
        onContinue();
      },
    }),
  );
  return (
    <Card>
      <CardHeader>
        <CardTitle asChild className="text-xl">
          <h1>What the team sees</h1>
        </CardTitle>
        <CardDescription>
          Tandem always pulls leads, contacts, accounts and opportunities: it must know what is already in your CRM so
          nobody prospects people you already have. You choose which of them appear in Tandem; hidden ones still sync
          and still count for matching.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <PullVisibilitySettings />
      </CardContent>
      <CardFooter className="justify-between">
        <Button variant="ghost" onClick={onBack}>
          Back
        </Button>
        <Button onClick={() => confirm.mutate({ step: "pull" })} pending={confirm.isPending}>
          Continue
        </Button>
      </CardFooter>
    </Card>
  );
}
