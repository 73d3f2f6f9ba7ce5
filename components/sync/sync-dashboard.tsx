"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { AlertTriangleIcon, RefreshCwIcon } from "lucide-react";
import Link from "next/link";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc/provider";
import { ErrorLogCard } from "@/components/push-errors/error-log-card";
import { PullVisibilitySettings } from "@/components/setup/pull-settings-step";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { ApiUsageChart } from "./api-usage-chart";
import { FreshnessList } from "./freshness-list";
import { OutboundQueueCard } from "./outbound-queue-card";
import { TickTable } from "./tick-table";

/** ERR-3: connection state, tick failures and API budget are visible here; nothing fails silently. */
export function SyncDashboard({ isAdmin }: { isAdmin: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const dashboard = useQuery({ ...trpc.sync.dashboard.queryOptions(), refetchInterval: 5000 });
  const progress = useQuery({ ...trpc.sync.progress.queryOptions(), refetchInterval: 5000 });
  const runNow = useMutation(
    trpc.sync.runNow.mutationOptions({
      onSuccess: async (summary) => {
        if ("skipped" in summary) toast.info("A sync is already running; its results appear below.");
        else if (summary.ok)
          toast.success(
            `Synced in ${(summary.durationMs / 1000).toFixed(1)} s with ${summary.apiCalls} API call${summary.apiCalls === 1 ? "" : "s"}.`,
          );
        else toast.error(summary.failures?.[0]?.message ?? "The sync had problems; see below.");
        await queryClient.invalidateQueries({ queryKey: trpc.sync.dashboard.queryKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.sync.progress.queryKey() });
      },
      onError: (error) => toast.error(error.message),
    }),
  );
  const data = dashboard.data;
  const latest = data?.ticks[0];
  const connection = data?.connection;

  return (
    <div className="grid gap-6">
      {connection === null ? (
        <Alert variant="warning">
          <AlertTriangleIcon />
          <AlertTitle>Salesforce is not connected</AlertTitle>
          <AlertDescription>
            Nothing syncs until an admin connects an org.{" "}
            {isAdmin ? (
              <Link className="underline" href="/setup?step=connect">
                Connect Salesforce
              </Link>
            ) : null}
          </AlertDescription>
        </Alert>
      ) : null}
      {connection?.status === "broken" ? (
        <Alert variant="destructive">
          <AlertTriangleIcon />
          <AlertTitle>The Salesforce connection is broken</AlertTitle>
          <AlertDescription>
            {connection.lastError} Syncing has stopped; nothing pulled so far is lost.{" "}
            {isAdmin ? (
              <Link className="underline" href="/setup?step=connect">
                Reconnect
              </Link>
            ) : (
              "Ask an admin to reconnect."
            )}
          </AlertDescription>
        </Alert>
      ) : null}
      {latest?.summary?.paused === "api-budget" ? (
        <Alert variant="warning">
          <AlertTriangleIcon />
          <AlertTitle>Background sync is paused to save API calls</AlertTitle>
          <AlertDescription>{latest.error}</AlertDescription>
        </Alert>
      ) : null}

      <div className="grid gap-4 lg:grid-cols-3">
        <Card className="lg:col-span-1">
          <CardHeader>
            <CardTitle className="text-base">Connection</CardTitle>
            <CardDescription>
              {connection
                ? `${connection.orgName ?? connection.orgId} · ${connection.environment}`
                : "No org connected"}
            </CardDescription>
          </CardHeader>
          <CardContent className="grid gap-3 text-sm">
            {connection ? (
              <p>
                <span className="text-muted-foreground">API calls today: </span>
                <span className="tabular-nums">
                  {connection.apiUsed !== null && connection.apiMax
                    ? `${connection.apiUsed.toLocaleString()} of ${connection.apiMax.toLocaleString()}`
                    : "not read yet"}
                </span>
              </p>
            ) : null}
            <p suppressHydrationWarning>
              <span className="text-muted-foreground">Last message from Salesforce: </span>
              {data?.lastMessage ? new Date(data.lastMessage.at).toLocaleString() : "none yet"}
            </p>
            {isAdmin ? (
              <div className="flex flex-wrap gap-2">
                <Button
                  onClick={() => runNow.mutate({ trigger: "manual" })}
                  pending={runNow.isPending}
                  disabled={!connection}
                >
                  {runNow.isPending ? <Spinner /> : <RefreshCwIcon />} Sync now
                </Button>
                <Button asChild variant="outline">
                  <Link href="/setup?step=connect">{connection ? "Manage connection" : "Connect Salesforce"}</Link>
                </Button>
              </div>
            ) : null}
          </CardContent>
        </Card>
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle className="text-base">API usage, last 24 hours</CardTitle>
            <CardDescription>
              Every Salesforce response reports the org&apos;s rolling daily usage; Tandem records each reading.
            </CardDescription>
          </CardHeader>
          <CardContent>{data ? <ApiUsageChart samples={data.usage} /> : <Skeleton className="h-40" />}</CardContent>
        </Card>
      </div>

      <Card>
        <CardHeader>
          <CardTitle className="text-base">Freshness</CardTitle>
          <CardDescription>When each object was last pulled, and how much of it Tandem holds.</CardDescription>
        </CardHeader>
        <CardContent>
          {progress.data ? <FreshnessList objects={progress.data.objects} /> : <Skeleton className="h-24" />}
        </CardContent>
      </Card>

      <Card className="gap-0 pb-0">
        <CardHeader className="pb-4">
          <CardTitle className="text-base">Recent syncs</CardTitle>
          <CardDescription>Each tick pulls what changed; failures say what happened and what to do.</CardDescription>
        </CardHeader>
        {data ? <TickTable ticks={data.ticks} /> : <Skeleton className="m-5 h-40" />}
      </Card>

      <ErrorLogCard isAdmin={isAdmin} />

      {data ? <OutboundQueueCard queue={data.outbound} /> : null}

      <Card id="pull-settings">
        <CardHeader>
          <CardTitle className="text-base">What the team sees</CardTitle>
          <CardDescription>
            Leads, contacts, accounts and opportunities are always pulled. Hidden ones still sync and still count for
            matching{isAdmin ? "" : "; an admin can change this"}.
          </CardDescription>
        </CardHeader>
        <CardContent>
          {isAdmin ? (
            <PullVisibilitySettings />
          ) : (
            <FreshnessList objects={progress.data?.objects ?? []} visibilityOnly />
          )}
        </CardContent>
      </Card>
    </div>
  );
}
