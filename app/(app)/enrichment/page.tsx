import type { Metadata } from "next";
import { enrichmentListInput } from "@/components/enrichment/enrichment-params";
import { EnrichmentView } from "@/components/enrichment/enrichment-view";
import { PageHeader } from "@/components/shell/page-header";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { requireUser } from "@/server/auth/guards";

export const metadata: Metadata = { title: "CRM Enrichment" };

export default async function EnrichmentPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  // Awaited, so a shared link renders its records in the first response.
  await getQueryClient().prefetchQuery(trpc.enrichment.list.queryOptions(enrichmentListInput(await searchParams)));
  return (
    <HydrateClient>
      <PageHeader
        title="CRM Enrichment"
        description="Records in Salesforce whose fields are empty or differ from your prospect data. Use Tandem's value to fix them; your choice always wins over automatic mapping."
      />
      <EnrichmentView isAdmin={user.role === "admin"} />
    </HydrateClient>
  );
}
