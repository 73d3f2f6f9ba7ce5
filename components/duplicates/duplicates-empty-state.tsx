"use client";

import { CircleCheckIcon, SearchXIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

/** An empty queue: filters that match nothing, or nothing to review (and how pairs get here). */
export function DuplicatesEmptyState({
  filtered,
  includeLater,
  onReset,
  onShowLater,
}: {
  filtered: boolean;
  includeLater: boolean;
  onReset: () => void;
  onShowLater: () => void;
}) {
  if (filtered) {
    return (
      <EmptyState
        icon={<SearchXIcon />}
        title="No potential duplicate matches these filters"
        description="Clear the filters to see every pair waiting for review."
        action={
          <Button variant="outline" size="sm" onClick={onReset}>
            Clear filters
          </Button>
        }
      />
    );
  }
  return (
    <EmptyState
      icon={<CircleCheckIcon />}
      title="No potential duplicates"
      description="Tandem looks for duplicates after every sync: records pulled, imported or created since the last one are compared with all the others. Pairs that look like one person or company wait here for you to merge or set apart."
      action={
        includeLater ? null : (
          <Button variant="outline" size="sm" onClick={onShowLater}>
            Show pairs put off for later
          </Button>
        )
      }
    />
  );
}
