"use client";

import { useSuspenseInfiniteQuery } from "@tanstack/react-query";
import { ArrowRightIcon, HistoryIcon } from "lucide-react";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { TActivityEntry, TFieldChange } from "@/server/records/activity-schemas";
import type { TRecordType } from "@/server/records/record-schemas";
import { eventStyle } from "./activity-events";
import { RelativeTime } from "./relative-time";

const TONES = {
  neutral: "bg-muted text-muted-foreground",
  positive: "bg-success/10 text-success",
  warning: "bg-warning/10 text-warning",
  negative: "bg-destructive/10 text-destructive",
};

/** Changes listed before "Show all"; a first pull after a mapping change can touch dozens. */
const CHANGES_SHOWN = 6;

function ChangeList({ changes }: { changes: TFieldChange[] }) {
  const [all, setAll] = useState(false);
  const shown = all ? changes : changes.slice(0, CHANGES_SHOWN);
  return (
    <div className="mt-2 rounded-md border bg-muted/30 text-xs">
      <dl className="divide-y">
        {shown.map((change) => (
          <div key={change.field} className="grid gap-1 px-3 py-1.5 sm:grid-cols-[10rem_1fr] sm:gap-3">
            <dt className="truncate font-medium text-muted-foreground" title={change.field}>
              {change.label}
            </dt>
            <dd className="flex min-w-0 flex-wrap items-center gap-1.5">
              <span
                className={cn(
                  "break-all",
                  change.from === null
                    ? "text-muted-foreground/60 italic"
                    : "text-muted-foreground line-through decoration-muted-foreground/40",
                )}
              >
                {change.from ?? "empty"}
              </span>
              <ArrowRightIcon aria-label="changed to" className="size-3 shrink-0 text-muted-foreground" />
              <span className={cn("break-all", change.to === null && "text-muted-foreground/60 italic")}>
                {change.to ?? "empty"}
              </span>
            </dd>
          </div>
        ))}
      </dl>
      {changes.length > CHANGES_SHOWN ? (
        <button
          type="button"
          onClick={() => setAll((shownAll) => !shownAll)}
          className="w-full border-t px-3 py-1.5 text-left font-medium text-muted-foreground hover:text-foreground"
        >
          {all ? "Show fewer" : `Show all ${changes.length} changes`}
        </button>
      ) : null}
    </div>
  );
}

function Entry({ entry, last }: { entry: TActivityEntry; last: boolean }) {
  const style = eventStyle(entry.event);
  const Icon = style.icon;
  return (
    <li className={cn("relative flex gap-3", !last && "pb-6")}>
      {/* The thread between entries. */}
      {last ? null : <span aria-hidden="true" className="absolute top-8 bottom-1 left-3.5 w-px bg-border" />}
      <span className={cn("relative flex size-7 shrink-0 items-center justify-center rounded-full", TONES[style.tone])}>
        <Icon aria-hidden="true" className="size-3.5" />
      </span>
      <div className="min-w-0 flex-1 pt-0.5">
        <div className="flex flex-wrap items-baseline justify-between gap-x-3">
          <p className="text-sm font-medium">{style.title}</p>
          <span className="text-xs text-muted-foreground">
            <RelativeTime at={entry.at} />
          </span>
        </div>
        <p className="mt-0.5 text-sm break-words text-muted-foreground">{entry.message}</p>
        {entry.changes.length > 0 ? <ChangeList changes={entry.changes} /> : null}
      </div>
    </li>
  );
}

/** DUP-2: the record's history, newest first — where it came from and what sync did to it. */
export function ActivityLog({ type, id }: { type: TRecordType; id: string }) {
  const trpc = useTRPC();
  const activity = useSuspenseInfiniteQuery(
    trpc.records.activity.infiniteQueryOptions({ type, id }, { getNextPageParam: (page) => page.nextCursor }),
  );
  const entries = activity.data.pages.flatMap((page) => page.entries);

  return (
    <Card className="gap-0 py-0">
      <CardHeader className="border-b py-4">
        <CardTitle className="text-sm">Activity</CardTitle>
      </CardHeader>
      <CardContent className="py-5">
        {entries.length === 0 ? (
          <div className="flex items-center gap-3 text-sm text-muted-foreground">
            <HistoryIcon aria-hidden="true" className="size-4 shrink-0" />
            Nothing recorded yet. Pulls, outbound messages and merges that touch this record show here.
          </div>
        ) : (
          <ol aria-label="Activity, newest first">
            {entries.map((entry, index) => (
              <Entry key={entry.id} entry={entry} last={index === entries.length - 1} />
            ))}
          </ol>
        )}
        {activity.hasNextPage ? (
          <Button
            variant="outline"
            size="sm"
            className="mt-5 w-full"
            pending={activity.isFetchingNextPage}
            onClick={() => void activity.fetchNextPage()}
          >
            {activity.isFetchingNextPage ? "Loading…" : "Show older activity"}
          </Button>
        ) : null}
      </CardContent>
    </Card>
  );
}
