import type { Metadata } from "next";
import { errorListInput } from "@/components/push-errors/error-list-params";
import { PushErrorLog } from "@/components/push-errors/push-error-log";
import { PageHeader } from "@/components/shell/page-header";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { requireUser } from "@/server/auth/guards";

export const metadata: Metadata = { title: "Errors" };

export default async function ErrorsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const input = errorListInput(await searchParams);
  // Awaited, so a shared link renders its rows in the first response.
  await getQueryClient().prefetchQuery(trpc.push.errors.list.queryOptions(input));
  return (
    <HydrateClient>
      <PageHeader
        title="Errors"
        description={
          user.role === "admin"
            ? "Every push Salesforce refused or Tandem could not deliver, with what to do about it. Editing the record sends it again by itself."
            : "Pushes of your records that Salesforce refused, with what to do about them. Editing the record sends it again by itself."
        }
      />
      <PushErrorLog />
    </HydrateClient>
  );
}
