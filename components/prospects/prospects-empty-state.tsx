import { CheckCircle2Icon, SearchXIcon, UploadIcon, UsersIcon } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { AddProspectDialog } from "./add-prospect-dialog";
import { LoadSampleProspectsButton } from "./load-sample-prospects-button";

/** What an empty prospect list says, from the most specific cause. */
export function ProspectsEmptyState({
  filtered,
  hiddenInCrm,
  onReset,
  onShowInCrm,
}: {
  filtered: boolean;
  hiddenInCrm: number;
  onReset: () => void;
  onShowInCrm: () => void;
}) {
  if (hiddenInCrm > 0) {
    return (
      <EmptyState
        icon={<CheckCircle2Icon />}
        title={filtered ? "Every match is already in the CRM" : "Every prospect is already in the CRM"}
        description={`${hiddenInCrm} ${hiddenInCrm === 1 ? "prospect matches a record" : "prospects match records"} pulled from Salesforce, so ${hiddenInCrm === 1 ? "it is" : "they are"} not offered for prospecting.`}
        action={
          <Button variant="outline" size="sm" onClick={onShowInCrm}>
            Show prospects already in CRM
          </Button>
        }
      />
    );
  }
  if (filtered) {
    return (
      <EmptyState
        icon={<SearchXIcon />}
        title="No prospects match"
        description="Try another search, or clear the search and filters to see every prospect."
        action={
          <Button variant="outline" size="sm" onClick={onReset}>
            Clear search and filters
          </Button>
        }
      />
    );
  }
  return (
    <EmptyState
      icon={<UsersIcon />}
      title="No prospects yet"
      description="Import a CSV of the people or companies you want to reach, or add one by hand. To look around first, load the sample prospects. Anyone already in Salesforce is recognised and marked “In CRM”."
      action={
        <>
          <Button asChild size="sm">
            <Link href="/people/prospects/import">
              <UploadIcon /> Import a CSV
            </Link>
          </Button>
          <LoadSampleProspectsButton />
          <AddProspectDialog variant="outline" size="sm" />
        </>
      }
    />
  );
}
