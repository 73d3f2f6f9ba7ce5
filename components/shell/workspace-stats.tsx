import Link from "next/link";
import type { TPullVisibility } from "@/server/settings/pull-visibility";
import type { TSyncStatus } from "@/server/status/sync-status";

const STATS = [
  { key: "contacts", label: "Contacts", href: "/people?kind=contact", object: "Contact" },
  { key: "leads", label: "Leads", href: "/people?kind=lead", object: "Lead" },
  { key: "accounts", label: "Accounts", href: "/accounts", object: "Account" },
  { key: "opportunities", label: "Opportunities", href: "/opportunities", object: "Opportunity" },
  { key: "prospects", label: "Prospects", href: "/people/prospects", object: null },
] as const;

/** What the workspace holds, at a glance; each figure opens its list. */
export function WorkspaceStats({
  counts,
  lastSyncAt,
  visibility,
}: {
  counts: TSyncStatus["counts"];
  lastSyncAt: string | null;
  visibility: TPullVisibility;
}) {
  // PULL-2: hidden objects are left out of every view, this one too.
  const shown = STATS.filter((stat) => stat.object === null || visibility[stat.object]);
  return (
    <section aria-label="Workspace" className="mb-6">
      <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
        {shown.map((stat) => (
          <li key={stat.key}>
            <Link
              href={stat.href}
              className="block rounded-xl border bg-card px-4 py-3 transition-colors hover:bg-accent/50 focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
            >
              <span className="block text-xs text-muted-foreground">{stat.label}</span>
              <span className="block text-2xl font-semibold tabular-nums">{counts[stat.key].toLocaleString()}</span>
            </Link>
          </li>
        ))}
      </ul>
      <p className="mt-2 text-xs text-muted-foreground">
        {counts.suppressedLeads.toLocaleString()} leads kept as their contacts ·{" "}
        {counts.prospectsInCrm.toLocaleString()} prospects already in your CRM
        {lastSyncAt ? ` · last sync ${new Date(lastSyncAt).toLocaleString("en")}` : ""}
      </p>
    </section>
  );
}
