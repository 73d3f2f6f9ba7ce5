import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import type { TPersonKind, TRecordSource, TRecordState } from "@/server/records/record-schemas";

// Info blue passes 4.5:1 on the page's white but not on a blue tint: light mode keeps it untinted.
const KIND_STYLES: Record<TPersonKind, string> = {
  contact: "border-info/35 text-info dark:bg-info/15",
  lead: "border-warning/25 bg-warning/10 text-warning dark:border-warning/35 dark:bg-warning/15",
};

export function KindBadge({ kind, className }: { kind: TPersonKind; className?: string }) {
  return (
    <Badge variant="outline" className={cn("w-16 font-medium", KIND_STYLES[kind], className)}>
      {kind === "contact" ? "Contact" : "Lead"}
    </Badge>
  );
}

/** DUP-2: where a record came from, in words. */
export const SOURCE_LABELS: Record<TRecordSource, string> = {
  pull: "Pulled",
  outbound: "Outbound message",
  tandem: "Created in Tandem",
  import: "Imported",
};

export const SOURCE_DESCRIPTIONS: Record<TRecordSource, string> = {
  pull: "Pulled from Salesforce by a sync",
  outbound: "Arrived from Salesforce by an outbound message",
  tandem: "Created in Tandem",
  import: "Imported into Tandem",
};

const SOURCE_SHORT: Record<TRecordSource, string> = {
  pull: "Pull",
  outbound: "Outbound",
  tandem: "Tandem",
  import: "Import",
};

/** A list's source column: one short word, the full sentence on hover. */
export function SourceCell({ source }: { source: TRecordSource }) {
  return (
    <span className="text-muted-foreground" title={SOURCE_DESCRIPTIONS[source]}>
      {SOURCE_SHORT[source]}
    </span>
  );
}

export function SourceBadge({ source }: { source: TRecordSource }) {
  return (
    <Badge variant="secondary" title={SOURCE_DESCRIPTIONS[source]} className="font-normal">
      {SOURCE_LABELS[source]}
    </Badge>
  );
}

const STATE_LABELS: Record<Exclude<TRecordState, "active">, string> = {
  retired: "Retired",
  deleted: "Deleted in Salesforce",
  merged: "Merged",
};

export function StateBadge({ state }: { state: TRecordState }) {
  if (state === "active") return null;
  return <Badge variant="destructive">{STATE_LABELS[state]}</Badge>;
}
