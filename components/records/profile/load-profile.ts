import "server-only";
import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { getQueryClient, trpc } from "@/server/api/rsc";
import type { TRecordType } from "@/server/records/record-schemas";

function fetchProfile(type: TRecordType, id: string) {
  const queryClient = getQueryClient();
  if (type === "person") return queryClient.fetchQuery(trpc.records.people.get.queryOptions({ id }));
  if (type === "account") return queryClient.fetchQuery(trpc.records.accounts.get.queryOptions({ id }));
  return queryClient.fetchQuery(trpc.records.opportunities.get.queryOptions({ id }));
}

/**
 * Fetches a profile into the request's query client (metadata and page share it), and answers
 * 404 for an unknown or malformed id. The related records, the timeline, the sync history, the
 * activity log and the potential duplicates start loading at once and stream in behind their
 * skeletons.
 */
export async function loadProfile(type: TRecordType, id: string): Promise<{ name: string | null }> {
  let result;
  try {
    result = await fetchProfile(type, id);
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
  const queryClient = getQueryClient();
  void queryClient.prefetchQuery(trpc.records.related.queryOptions({ type, id }));
  void queryClient.prefetchInfiniteQuery(
    trpc.records.activity.infiniteQueryOptions({ type, id }, { getNextPageParam: (page) => page.nextCursor }),
  );
  void queryClient.prefetchInfiniteQuery(
    trpc.crm.activities.list.infiniteQueryOptions(
      { on: { type, id } },
      { getNextPageParam: (page) => page.nextCursor },
    ),
  );
  void queryClient.prefetchQuery(trpc.crm.syncHistory.queryOptions({ type, id }));
  if (type !== "opportunity") void queryClient.prefetchQuery(trpc.duplicates.forRecord.queryOptions({ type, id }));
  return { name: result.status === "ok" ? result.profile.name : null };
}
