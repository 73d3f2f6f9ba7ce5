import type { Metadata } from "next";
import { PeopleTabs } from "@/components/people/people-tabs";
import { NewPersonDialog } from "@/components/records/create/new-person-dialog";
import { peopleListInput } from "@/components/records/list-params";
import { PeopleTable } from "@/components/records/people-table";
import { PageHeader } from "@/components/shell/page-header";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { requireUser } from "@/server/auth/guards";

export const metadata: Metadata = { title: "People" };

export default async function PeoplePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const input = peopleListInput(await searchParams);
  // Awaited, so a shared link renders its rows in the first response.
  await Promise.all([
    getQueryClient().prefetchQuery(trpc.records.people.list.queryOptions(input)),
    getQueryClient().prefetchQuery(trpc.records.owners.queryOptions({ object: "people" })),
  ]);
  return (
    <HydrateClient>
      <PageHeader
        title="People"
        description="Contacts and leads from Salesforce, kept in step with your org."
        actions={<NewPersonDialog />}
      />
      <PeopleTabs />
      <PeopleTable canSetUp={user.role === "admin"} />
    </HydrateClient>
  );
}
