import { CircleAlertIcon, ClockIcon, CloudCheckIcon, CloudOffIcon } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import type { TPushState } from "@/server/sync/core/push-kinds";

const STATES: Record<
  TPushState,
  { label: string; title: string; icon: typeof ClockIcon; variant: "secondary" | "outline" | "success" | "destructive" }
> = {
  local: {
    label: "Not in Salesforce",
    title: "Pushing this kind of record is off: it stays in Tandem until an admin turns it on.",
    icon: CloudOffIcon,
    variant: "secondary",
  },
  pending: {
    label: "Waiting to sync",
    title: "Queued: the next push sends it to Salesforce.",
    icon: ClockIcon,
    variant: "outline",
  },
  pushed: {
    label: "In Salesforce",
    title: "Salesforce has Tandem's latest values.",
    icon: CloudCheckIcon,
    variant: "success",
  },
  failed: {
    label: "Salesforce rejected it",
    title: "Salesforce refused the last push. Open the error log to see why and how to fix it.",
    icon: CircleAlertIcon,
    variant: "destructive",
  },
};

/** PUSH-2: where something written in Tandem stands with Salesforce. A rejection links to the error log. */
export function PushStateBadge({ state, className }: { state: TPushState; className?: string }) {
  const { label, title, icon: Icon, variant } = STATES[state];
  const content = (
    <>
      <Icon aria-hidden="true" />
      {label}
    </>
  );
  const classes = cn(
    "font-medium",
    // Info blue passes 4.5:1 on white but not on a blue tint: light mode keeps it untinted.
    state === "pending" && "border-info/35 text-info dark:bg-info/15",
    className,
  );
  if (state === "failed") {
    return (
      <Badge asChild variant={variant} className={classes}>
        <Link href="/errors" title={title} aria-label={`${label}: open the error log`}>
          {content}
        </Link>
      </Badge>
    );
  }
  return (
    <Badge variant={variant} title={title} className={classes}>
      {content}
    </Badge>
  );
}
