"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/trpc/provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";

/** The connected org, its user and its state, with the way to reconnect. */
export function ConnectionSummary() {
  const trpc = useTRPC();
  const info = useQuery(trpc.salesforce.connection.queryOptions());
  if (!info.data) return <Skeleton className="h-20 w-full" />;
  const connection = info.data.connection;
  if (!connection) {
    return (
      <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
        <p className="text-muted-foreground">No org is connected: nothing syncs until one is.</p>
        <Button asChild size="sm">
          <Link href="/setup?step=connect">Connect Salesforce</Link>
        </Button>
      </div>
    );
  }
  return (
    <div className="grid gap-4">
      <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-3">
        <div className="min-w-0">
          <dt className="text-muted-foreground">Org</dt>
          <dd className="truncate font-medium">{connection.orgName ?? connection.orgId}</dd>
          <dd className="truncate text-xs text-muted-foreground">
            {connection.orgName ? `${connection.orgId} · ` : ""}
            {connection.environment}
          </dd>
        </div>
        <div className="min-w-0">
          <dt className="text-muted-foreground">Connected as</dt>
          <dd className="truncate font-medium">{connection.username ?? "Unknown user"}</dd>
        </div>
        <div>
          <dt className="text-muted-foreground">Status</dt>
          <dd>
            {connection.status === "connected" ? (
              <Badge variant="success">Connected</Badge>
            ) : (
              <Badge variant="destructive">Broken</Badge>
            )}
          </dd>
        </div>
      </dl>
      {connection.status === "broken" && connection.lastError ? (
        <p className="text-sm text-destructive">{connection.lastError}</p>
      ) : null}
      <p className="text-sm text-muted-foreground">
        {connection.status === "broken" ? "Reconnect" : "Reconnect or connect another org"} from the{" "}
        <Link href="/sync" className="text-primary underline underline-offset-4">
          Sync page
        </Link>
        , where the connection, every sync and the API budget are shown.
      </p>
    </div>
  );
}
