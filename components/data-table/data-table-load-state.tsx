import { TriangleAlertIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";

/** Before a list's first page arrives: a skeleton, or, if fetching it failed, a retry. */
export function DataTableLoadState({
  failed,
  retry,
  what = "This list",
}: {
  failed: boolean;
  retry: () => void;
  what?: string;
}) {
  if (failed) {
    return (
      <EmptyState
        role="alert"
        icon={<TriangleAlertIcon />}
        title={`${what} could not be loaded`}
        description="Tandem could not reach its database just now. Try again in a moment; if it keeps failing, ask an admin to check the server."
        action={
          <Button variant="outline" size="sm" onClick={retry}>
            Try again
          </Button>
        }
      />
    );
  }
  return (
    <div className="grid gap-3" aria-busy="true" aria-label="Loading">
      <Skeleton className="h-8 w-full max-w-md" />
      <Skeleton className="h-96 w-full" />
    </div>
  );
}
