import { ChevronLeftIcon } from "lucide-react";
import Link from "next/link";
import { SalesforceButtonLink } from "../salesforce-link";

/** A profile's top: the way back to its list, the name with its badges, its actions and the Salesforce link. */
export function ProfileHeader({
  back,
  name,
  icon,
  badges,
  subline,
  actions,
  salesforceUrl,
}: {
  back: { href: string; label: string };
  name: string;
  icon: React.ReactNode;
  badges: React.ReactNode;
  subline?: React.ReactNode;
  /** Edit, new opportunity…: shown beside the Salesforce link, wrapping on phones. */
  actions?: React.ReactNode;
  salesforceUrl: string | null;
}) {
  return (
    <div className="mb-6">
      <Link
        href={back.href}
        className="mb-4 inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground"
      >
        <ChevronLeftIcon aria-hidden="true" className="size-4" /> {back.label}
      </Link>
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="flex min-w-0 items-start gap-3.5">
          <div
            aria-hidden="true"
            className="flex size-11 shrink-0 items-center justify-center rounded-lg border bg-muted text-muted-foreground [&_svg]:size-5"
          >
            {icon}
          </div>
          <div className="min-w-0">
            <h1 className="text-2xl font-semibold tracking-tight break-words">{name}</h1>
            {subline ? <p className="mt-0.5 text-sm text-muted-foreground">{subline}</p> : null}
            <div className="mt-2 flex flex-wrap items-center gap-1.5">{badges}</div>
          </div>
        </div>
        <div className="flex shrink-0 flex-wrap gap-2">
          {actions}
          <SalesforceButtonLink href={salesforceUrl} />
        </div>
      </div>
    </div>
  );
}
