import type { Metadata } from "next";
import { SalesforceSettings } from "@/components/push-settings/salesforce-settings";
import { AdminsOnly } from "@/components/shell/admins-only";
import { PageHeader } from "@/components/shell/page-header";
import { HydrateClient, prefetch, trpc } from "@/server/api/rsc";
import { requireUser } from "@/server/auth/guards";

export const metadata: Metadata = { title: "Salesforce" };

export default async function SalesforceSettingsPage() {
  const user = await requireUser();
  if (user.role !== "admin") {
    return (
      <>
        <PageHeader title="Salesforce" />
        <AdminsOnly what="The Salesforce connection and what Tandem pushes" />
      </>
    );
  }
  prefetch(trpc.salesforce.connection.queryOptions());
  prefetch(trpc.push.settings.get.queryOptions());
  prefetch(trpc.duplicates.ignored.queryOptions());
  return (
    <HydrateClient>
      <PageHeader title="Salesforce" description="The connection to your org, and what Tandem sends back to it." />
      <SalesforceSettings />
    </HydrateClient>
  );
}
