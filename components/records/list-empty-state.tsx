import { CloudOffIcon, LoaderIcon, SearchXIcon, InboxIcon } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import type { TListContext } from "@/server/records/record-schemas";

/**
 * What an empty list says, from the most specific cause: filters that match nothing, no
 * Salesforce connection, a first sync still running, or an org without such records.
 */
export function ListEmptyState({
  context,
  filtered,
  onReset,
  noun,
  canSetUp,
}: {
  context: TListContext;
  filtered: boolean;
  onReset: () => void;
  /** Plural, lower case: "people", "accounts", "opportunities". */
  noun: string;
  canSetUp: boolean;
}) {
  if (filtered) {
    return (
      <EmptyState
        icon={<SearchXIcon />}
        title={`No ${noun} match`}
        description="Try another search, or clear the filters to see everything."
        action={
          <Button variant="outline" size="sm" onClick={onReset}>
            Clear search and filters
          </Button>
        }
      />
    );
  }
  if (!context.connected) {
    return (
      <EmptyState
        icon={<CloudOffIcon />}
        title="Salesforce is not connected yet"
        description={
          canSetUp
            ? `Connect Salesforce in Setup to pull your org's ${noun}.`
            : `An admin of your team connects Salesforce; then your org's ${noun} show here.`
        }
        action={
          canSetUp ? (
            <Button asChild size="sm">
              <Link href="/setup">Connect Salesforce in Setup</Link>
            </Button>
          ) : null
        }
      />
    );
  }
  if (!context.firstSyncFinished) {
    return (
      <EmptyState
        icon={<LoaderIcon />}
        title="The first sync has not finished"
        description={`Your org's ${noun} show here as the first sync brings them in. Follow its progress on the Sync page.`}
        action={
          <Button asChild variant="outline" size="sm">
            <Link href="/sync">Open the Sync page</Link>
          </Button>
        }
      />
    );
  }
  return (
    <EmptyState
      icon={<InboxIcon />}
      title={`No ${noun} yet`}
      description={`Your Salesforce org has no ${noun} Tandem can show. New ones appear here after the next sync.`}
    />
  );
}

/** An old link to a page the list no longer reaches (records were removed since). */
export function PastLastPage({
  page,
  lastPage,
  onGo,
}: {
  page: number;
  lastPage: number;
  onGo: (page: number) => void;
}) {
  return (
    <EmptyState
      icon={<InboxIcon />}
      title={`There is no page ${page}`}
      description={`This list ends on page ${lastPage}.`}
      action={
        <Button variant="outline" size="sm" onClick={() => onGo(lastPage)}>
          Go to page {lastPage}
        </Button>
      }
    />
  );
}
