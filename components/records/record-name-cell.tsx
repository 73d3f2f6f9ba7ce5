import Link from "next/link";
import { DataTableTruncate } from "@/components/data-table/data-table-truncate";
import type { TPushState } from "@/server/sync/core/push-kinds";
import { PushStateBadge } from "./push-state-badge";
import { SalesforceIconLink } from "./salesforce-link";

/** The first cell of a row: the record's name linking to its profile, a line under it on phones, and its Salesforce link. */
export function RecordNameCell({
  href,
  name,
  salesforceUrl,
  subline,
  pushState,
}: {
  href: string;
  name: string;
  salesforceUrl: string | null;
  subline?: string | null;
  /** Shown while Tandem's writes have not reached Salesforce (PUSH-2); "pushed" needs no badge. */
  pushState?: TPushState | null;
}) {
  return (
    <div className="flex items-center gap-1">
      <div className="min-w-0">
        <DataTableTruncate className="font-medium">
          <Link href={href} className="hover:underline hover:underline-offset-4">
            {name}
          </Link>
        </DataTableTruncate>
        {/* Secondary columns fold away on phones; their gist shows here instead. */}
        {subline ? <span className="block truncate text-xs text-muted-foreground @3xl:hidden">{subline}</span> : null}
      </div>
      {pushState && pushState !== "pushed" ? <PushStateBadge state={pushState} className="shrink-0" /> : null}
      <SalesforceIconLink href={salesforceUrl} name={name} revealOnHover />
    </div>
  );
}

/** A link to a related record inside a cell. */
export function RecordLinkCell({ href, name }: { href: string; name: string }) {
  return (
    <DataTableTruncate>
      <Link href={href} className="hover:underline hover:underline-offset-4">
        {name}
      </Link>
    </DataTableTruncate>
  );
}
