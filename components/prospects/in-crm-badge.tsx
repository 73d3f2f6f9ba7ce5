import { CheckCircle2Icon } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { TProspect } from "@/server/prospects/schemas";

const since = new Intl.DateTimeFormat("en", { dateStyle: "medium" });

/** PULL-3: a prospect already in the CRM links to the record it matched. */
export function InCrmBadge({ link, name }: { link: NonNullable<TProspect["inCrm"]>; name: string }) {
  const what = link.type === "person" ? "contact or lead" : "account";
  return (
    <Badge asChild variant="success">
      <Link
        suppressHydrationWarning
        href={link.href}
        title={`In the CRM since ${since.format(link.since)}. Open the ${what}.`}
        aria-label={`${name} is in the CRM: open the ${what}`}
      >
        <CheckCircle2Icon aria-hidden="true" /> In CRM
      </Link>
    </Badge>
  );
}
