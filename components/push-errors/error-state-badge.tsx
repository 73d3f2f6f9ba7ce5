import { Badge } from "@/components/ui/badge";
import type { TPushErrorRow } from "@/server/push-errors/push-error-schemas";

const STATES: Record<
  TPushErrorRow["state"],
  { label: string; variant: "destructive" | "warning" | "success" | "secondary" }
> = {
  open: { label: "Open", variant: "destructive" },
  retrying: { label: "Retrying", variant: "warning" },
  resolved: { label: "Resolved", variant: "success" },
  dismissed: { label: "Dismissed", variant: "secondary" },
};

/**
 * ERR-1's state: open (waits for a fix), retrying, resolved (Salesforce accepted it) or dismissed.
 * An open warning (nothing rejected; Tandem stopped writing a field Salesforce keeps changing) reads
 * as a warning.
 */
export function ErrorStateBadge({
  state,
  severity = "error",
}: {
  state: TPushErrorRow["state"];
  severity?: TPushErrorRow["severity"];
}) {
  if (state === "open" && severity === "warning") return <Badge variant="warning">Warning</Badge>;
  const { label, variant } = STATES[state];
  return <Badge variant={variant}>{label}</Badge>;
}
