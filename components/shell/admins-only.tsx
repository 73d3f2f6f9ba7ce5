import { ShieldAlertIcon } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";

/** What a member sees on an admin page: why, and who can help. */
export function AdminsOnly({ what }: { what: string }) {
  return (
    <EmptyState
      role="alert"
      icon={<ShieldAlertIcon />}
      title="Admins only"
      description={`${what} can only be changed by an admin of your team. Ask one of them if something here needs to change.`}
    />
  );
}
