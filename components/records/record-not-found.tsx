import { SearchXIcon } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

/** A profile link whose record Tandem does not have. */
export function RecordNotFound({ noun, listHref, listLabel }: { noun: string; listHref: string; listLabel: string }) {
  return (
    <EmptyState
      className="mt-10"
      icon={<SearchXIcon />}
      title={`This ${noun} is not in Tandem`}
      description={`The link may be mistyped, or the ${noun} never reached Tandem. Records deleted or merged in Salesforce keep their page here, so this is not one of them.`}
      action={
        <Button asChild variant="outline" size="sm">
          <Link href={listHref}>Go to {listLabel}</Link>
        </Button>
      }
    />
  );
}
