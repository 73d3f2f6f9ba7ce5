import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { SyncDashboard } from "@/components/sync/sync-dashboard";
import { HydrateClient, prefetch, trpc } from "@/server/api/rsc";
import { requireUser } from "@/server/auth/guards";

export const metadata: Metadata = { title: "Sync" };

export default async function SyncPage() {
  const user = await requireUser();
  prefetch(trpc.sync.dashboard.queryOptions());
  prefetch(trpc.sync.progress.queryOptions());
  return (
    <HydrateClient>
      <PageHeader
        title="Sync"
        description="How Tandem and Salesforce keep in step: the connection, every sync tick, API usage and freshness."
      />
      <SyncDashboard isAdmin={user.role === "admin"} />
    </HydrateClient>
  );
}
