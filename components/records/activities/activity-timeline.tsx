"use client";

import { useMutation, useQueryClient, useSuspenseInfiniteQuery } from "@tanstack/react-query";
import { CheckIcon, SquareCheckBigIcon } from "lucide-react";
import Link from "next/link";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Spinner } from "@/components/ui/spinner";
import type { TActivity, TActivityTarget } from "@/server/records/write/activity-schemas";
import { formatDate, formatDateTime } from "../format";
import { RelativeTime } from "../profile/relative-time";
import { PushStateBadge } from "../push-state-badge";
import { ActivityComposer } from "./activity-composer";
import { ACTIVITY_KIND_STYLES } from "./activity-kinds";

const time = new Intl.DateTimeFormat("en", { timeStyle: "short" });

/** The line under an activity's subject: what kind of call, when a task is due, where a meeting is. */
function detailsOf(activity: TActivity): string[] {
  switch (activity.kind) {
    case "call":
      return [
        activity.callOutcome,
        activity.callDurationSeconds ? `${Math.max(1, Math.round(activity.callDurationSeconds / 60))} min` : null,
      ].filter((part): part is string => Boolean(part));
    case "task":
      return [
        activity.dueDate ? `Due ${formatDate(activity.dueDate)}` : "No due date",
        activity.priority ? `${activity.priority} priority` : null,
        activity.status,
        activity.ownerName ? `Owner: ${activity.ownerName}` : null,
      ].filter((part): part is string => Boolean(part));
    case "meeting":
      return [
        activity.startAt && activity.endAt
          ? `${formatDateTime(activity.startAt)} – ${time.format(new Date(activity.endAt))}`
          : null,
        activity.location,
      ].filter((part): part is string => Boolean(part));
    default:
      return [];
  }
}

function CompleteButton({ activity }: { activity: TActivity }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const complete = useMutation(
    trpc.crm.activities.complete.mutationOptions({
      onSuccess: async (task) => {
        await queryClient.invalidateQueries({ queryKey: trpc.crm.activities.list.pathKey() });
        toast.success(`Task “${task.subject}” completed.`);
      },
      onError: (error) => toast.error(error.message),
    }),
  );
  return (
    <Button
      variant="outline"
      size="sm"
      pending={complete.isPending}
      onClick={() => complete.mutate({ id: activity.id })}
      aria-label={`Complete the task ${activity.subject}`}
    >
      {complete.isPending ? <Spinner label="Completing" /> : <CheckIcon aria-hidden="true" />} Complete
    </Button>
  );
}

function TimelineItem({ activity }: { activity: TActivity }) {
  const style = ACTIVITY_KIND_STYLES[activity.kind];
  const done = activity.kind === "task" && activity.status === "Completed";
  const Icon = done ? SquareCheckBigIcon : style.icon;
  const details = detailsOf(activity);
  return (
    <li className="flex gap-3 py-3.5 first:pt-0 last:pb-0">
      <span
        className={cn(
          "flex size-8 shrink-0 items-center justify-center rounded-full bg-muted text-muted-foreground",
          done && "bg-success/10 text-success",
        )}
      >
        <Icon aria-hidden="true" className="size-4" />
      </span>
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
          <p className="min-w-0 text-sm font-medium break-words">
            <span className="sr-only">{style.name}: </span>
            <span className={cn(done && "text-muted-foreground line-through decoration-muted-foreground/50")}>
              {activity.subject}
            </span>
          </p>
          <span className="text-xs text-muted-foreground">
            <RelativeTime at={activity.createdAt} />
          </span>
        </div>
        {details.length > 0 ? (
          // Meeting times are in the reader's time zone, which the server does not know.
          <p className="mt-0.5 text-xs text-muted-foreground" suppressHydrationWarning>
            {details.join(" · ")}
          </p>
        ) : null}
        {activity.body ? (
          <p className="mt-1 line-clamp-3 text-sm break-words whitespace-pre-line text-muted-foreground">
            {activity.body}
          </p>
        ) : null}
        <div className="mt-2 flex flex-wrap items-center gap-2">
          <PushStateBadge state={activity.pushState} />
          {activity.kind === "task" && !done ? <CompleteButton activity={activity} /> : null}
        </div>
        {activity.error ? (
          <p className="mt-1.5 text-xs break-words text-destructive">
            Salesforce said: {activity.error.message} ({activity.error.code}).{" "}
            <Link href="/errors" className="font-medium underline underline-offset-4">
              Open the error log
            </Link>
          </p>
        ) : null}
      </div>
    </li>
  );
}

/**
 * Calls, emails, tasks, meetings and notes logged on the record (an account's include its
 * contacts' and opportunities'), newest first, each with where it stands with Salesforce; the
 * composer sits on top.
 */
export function ActivityTimeline({ on }: { on: TActivityTarget }) {
  const trpc = useTRPC();
  const list = useSuspenseInfiniteQuery(
    trpc.crm.activities.list.infiniteQueryOptions({ on }, { getNextPageParam: (page) => page.nextCursor }),
  );
  const activities = list.data.pages.flatMap((page) => page.activities);
  return (
    <Card className="gap-0 py-0">
      <CardHeader className="border-b py-4">
        <CardTitle asChild className="text-sm">
          <h2>Timeline</h2>
        </CardTitle>
      </CardHeader>
      <CardContent className="grid grid-cols-1 gap-5 py-5">
        <ActivityComposer on={on} />
        {activities.length === 0 ? (
          <p className="text-sm text-muted-foreground">
            Nothing logged yet. Log a call or an email, create a task, schedule a meeting or add a note above.
          </p>
        ) : (
          <ol aria-label="Timeline, newest first" className="divide-y">
            {activities.map((activity) => (
              <TimelineItem key={activity.id} activity={activity} />
            ))}
          </ol>
        )}
        {list.hasNextPage ? (
          <Button
            variant="outline"
            size="sm"
            className="w-full"
            pending={list.isFetchingNextPage}
            onClick={() => void list.fetchNextPage()}
          >
            {list.isFetchingNextPage ? "Loading…" : "Show older activities"}
          </Button>
        ) : null}
      </CardContent>
    </Card>
  );
}
