import { UploadIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { PeopleTabs } from "@/components/people/people-tabs";
import { AddProspectDialog } from "@/components/prospects/add-prospect-dialog";
import { prospectListInput } from "@/components/prospects/list-params";
import { ProspectsView } from "@/components/prospects/prospects-view";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { requireUser } from "@/server/auth/guards";

export const metadata: Metadata = { title: "Prospects" };

export default async function ProspectsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireUser();
  // Awaited, so a shared link renders its rows in the first response.
  await getQueryClient().prefetchQuery(trpc.prospects.list.queryOptions(prospectListInput(await searchParams)));
  return (
    <HydrateClient>
      <PageHeader
        title="People"
        description="Your prospect database: people and companies you imported or added, not yet in Salesforce."
        actions={
          <>
            <Button asChild variant="outline">
              <Link href="/people/prospects/import">
                <UploadIcon /> Import CSV
              </Link>
            </Button>
            <AddProspectDialog />
          </>
        }
      />
      <PeopleTabs />
      <ProspectsView />
    </HydrateClient>
  );
}
