"use client";

import { CircleCheckIcon, LinkIcon, SearchXIcon } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

/**
 * An empty worklist, from the most specific cause: filters that match nothing, no prospect linked
 * to a Salesforce record (PULL-3) yet, or every linked record already matching.
 */
export function EnrichmentEmptyState({
  filtered,
  onReset,
  isAdmin,
  linked,
}: {
  filtered: boolean;
  onReset: () => void;
  isAdmin: boolean;
  /** Records linked to prospects at all. */
  linked: number;
}) {
  if (filtered) {
    return (
      <EmptyState
        icon={<SearchXIcon />}
        title="No record matches these filters"
        description="Clear the filters to see every record whose fields are empty or differ."
        action={
          <Button variant="outline" size="sm" onClick={onReset}>
            Clear filters
          </Button>
        }
      />
    );
  }
  return <UnfilteredEmptyState isAdmin={isAdmin} linked={linked} />;
}

function UnfilteredEmptyState({ isAdmin, linked }: { isAdmin: boolean; linked: number }) {
  const prospects = (
    <Button asChild variant="outline" size="sm">
      <Link href="/people/prospects">Open Prospects</Link>
    </Button>
  );
  if (linked === 0) {
    return (
      <EmptyState
        icon={<LinkIcon />}
        title="No prospect is linked to a Salesforce record yet"
        description="When a sync finds one of your prospects in Salesforce, Tandem links the two and lists here every compared field that is empty or differs. Import or add prospects to start."
        action={prospects}
      />
    );
  }
  return (
    <EmptyState
      icon={<CircleCheckIcon />}
      title="Every linked record matches your prospect data"
      description={
        isAdmin
          ? "No compared field is empty in Salesforce or different from Tandem's value. Choose which fields are compared under Field mapping."
          : "No compared field is empty in Salesforce or different from Tandem's value. An admin chooses which fields are compared."
      }
      action={
        <>
          {prospects}
          {isAdmin ? (
            <Button asChild variant="outline" size="sm">
              <Link href="/settings/mapping">Choose compared fields</Link>
            </Button>
          ) : null}
        </>
      }
    />
  );
}
