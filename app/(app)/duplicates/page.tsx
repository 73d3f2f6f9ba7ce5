import type { Metadata } from "next";
import { duplicatesListInput } from "@/components/duplicates/duplicates-params";
import { DuplicatesView } from "@/components/duplicates/duplicates-view";
import { PageHeader } from "@/components/shell/page-header";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { requireUser } from "@/server/auth/guards";

export const metadata: Metadata = { title: "Duplicates" };

export default async function DuplicatesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  // Awaited, so a shared link renders its pairs in the first response.
  await getQueryClient().prefetchQuery(trpc.duplicates.list.queryOptions(duplicatesListInput(await searchParams)));
  return (
    <HydrateClient>
      <PageHeader
        title="Duplicates"
        description="Records that look like one person or company, from Salesforce, your prospects or both. Merge them, or mark them not a duplicate; Tandem never merges anything by itself."
      />
      <DuplicatesView isAdmin={user.role === "admin"} />
    </HydrateClient>
  );
}
