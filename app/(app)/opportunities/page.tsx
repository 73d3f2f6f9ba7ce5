import type { Metadata } from "next";
import { opportunitiesListInput } from "@/components/records/list-params";
import { OpportunitiesTable } from "@/components/records/opportunities-table";
import { PageHeader } from "@/components/shell/page-header";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { requireUser } from "@/server/auth/guards";

export const metadata: Metadata = { title: "Opportunities" };

export default async function OpportunitiesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const input = opportunitiesListInput(await searchParams);
  // Awaited, so a shared link renders its rows in the first response.
  await Promise.all([
    getQueryClient().prefetchQuery(trpc.records.opportunities.list.queryOptions(input)),
    getQueryClient().prefetchQuery(trpc.records.owners.queryOptions({ object: "opportunities" })),
  ]);
  return (
    <HydrateClient>
      <PageHeader title="Opportunities" description="Deals in your Salesforce org, by stage, amount and close date." />
      <OpportunitiesTable canSetUp={user.role === "admin"} />
    </HydrateClient>
  );
}
