import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import type { TDuplicateRecord } from "@/server/duplicates/duplicate-schemas";
import { KindBadge } from "../records/record-badges";
import { recordKindLabel } from "./duplicate-display";

/** A duplicate's kind: contact or lead (as on people lists), account, or prospect. */
export function RecordKindBadge({
  record,
  className,
}: {
  record: Pick<TDuplicateRecord, "type" | "kind">;
  className?: string;
}) {
  if (record.type === "person" && (record.kind === "contact" || record.kind === "lead")) {
    return <KindBadge kind={record.kind} className={cn("w-auto", className)} />;
  }
  return (
    <Badge
      variant="outline"
      className={cn("font-medium", record.type === "prospect" && "border-dashed", className)}
      title={record.type === "prospect" ? "A prospect: Tandem's own record, not in Salesforce" : undefined}
    >
      {recordKindLabel(record)}
    </Badge>
  );
}
