"use client";

import { LoaderCircleIcon, RefreshCwIcon } from "lucide-react";
import { RelativeTime } from "@/components/records/profile/relative-time";
import { Button } from "@/components/ui/button";

/** When Tandem last read the org's fields (a describe), and "Read fields again". */
export function OrgFieldsStatus({
  checkedAt,
  reading,
  error,
  onRead,
}: {
  checkedAt: number | null;
  reading: boolean;
  error: string | null;
  onRead: () => void;
}) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 rounded-lg border bg-card px-4 py-3 shadow-xs">
      <p className="text-sm text-muted-foreground" aria-live="polite">
        {reading ? (
          <span className="inline-flex items-center gap-2">
            <LoaderCircleIcon className="size-4 animate-spin" aria-hidden="true" />
            Reading your org&apos;s fields…
          </span>
        ) : (
          <>
            {error ? <span className="text-destructive">Could not read your org&apos;s fields: {error} </span> : null}
            {checkedAt ? (
              <>
                Last read <RelativeTime at={checkedAt} />. A field added or deleted in Salesforce shows here once read.
              </>
            ) : (
              "Your org's fields were not read yet."
            )}
          </>
        )}
      </p>
      <Button variant="outline" size="sm" onClick={onRead} pending={reading}>
        <RefreshCwIcon aria-hidden="true" /> Read fields again
      </Button>
    </div>
  );
}
