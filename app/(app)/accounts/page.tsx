import type { Metadata } from "next";
import { AccountsTable } from "@/components/records/accounts-table";
import { NewAccountDialog } from "@/components/records/create/new-account-dialog";
import { accountsListInput } from "@/components/records/list-params";
import { PageHeader } from "@/components/shell/page-header";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { requireUser } from "@/server/auth/guards";

export const metadata: Metadata = { title: "Accounts" };

export default async function AccountsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const input = accountsListInput(await searchParams);
  // Awaited, so a shared link renders its rows in the first response.
  await Promise.all([
    getQueryClient().prefetchQuery(trpc.records.accounts.list.queryOptions(input)),
    getQueryClient().prefetchQuery(trpc.records.owners.queryOptions({ object: "accounts" })),
  ]);
  return (
    <HydrateClient>
      <PageHeader
        title="Accounts"
        description="Companies in your Salesforce org, with their contacts and open opportunities."
        actions={<NewAccountDialog />}
      />
      <AccountsTable canSetUp={user.role === "admin"} />
    </HydrateClient>
  );
}
