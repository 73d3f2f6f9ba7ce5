"use client";

import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { CircleAlertIcon, CloudIcon } from "lucide-react";
import Link from "next/link";
import { PUSH_KIND_WORDS } from "@/components/crm/owner-line";
import { useTRPC } from "@/components/trpc/provider";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { TRecordType } from "@/server/records/record-schemas";
import type { TSyncHistory } from "@/server/records/write/get-sync-history";
import type { TPushErrorState, TPushKind } from "@/server/sync/core/push-kinds";
import { formatDateTime } from "../format";
import { PushStateBadge } from "../push-state-badge";
import { eventStyle } from "./activity-events";
import { RelativeTime } from "./relative-time";

const PUSH_KIND: Record<TRecordType, TPushKind> = {
  person: "people",
  account: "accounts",
  opportunity: "opportunities",
};

const ERROR_STATES: Record<
  TPushErrorState,
  { label: string; variant: "destructive" | "warning" | "success" | "secondary" }
> = {
  open: { label: "Open", variant: "destructive" },
  retrying: { label: "Retrying", variant: "warning" },
  resolved: { label: "Resolved", variant: "success" },
  dismissed: { label: "Dismissed", variant: "secondary" },
};

const TONES = {
  neutral: "bg-muted text-muted-foreground",
  positive: "bg-success/10 text-success",
  warning: "bg-warning/10 text-warning",
  negative: "bg-destructive/10 text-destructive",
};

const PUSH_RESULTS = new Set<string>([
  "pushed-create",
  "pushed-update",
  "push-failed",
  "push-resolved",
  "field-written",
  "field-reverted",
]);

type TItem =
  | { type: "entry"; at: number; entry: TSyncHistory["entries"][number] }
  | { type: "error"; at: number; error: TSyncHistory["errors"][number] };

function ErrorItem({ error }: { error: TSyncHistory["errors"][number] }) {
  const state = ERROR_STATES[error.state];
  const active = error.state === "open" || error.state === "retrying";
  return (
    <li className="flex gap-3">
      <span
        className={cn(
          "flex size-7 shrink-0 items-center justify-center rounded-full",
          active ? TONES.negative : TONES.neutral,
        )}
      >
        <CircleAlertIcon aria-hidden="true" className="size-3.5" />
      </span>
      <div className="min-w-0 flex-1 pt-0.5">
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <p className="text-sm font-medium">
            Salesforce rejected the {error.operation} of the {error.object}
          </p>
          <Badge variant={state.variant}>{state.label}</Badge>
        </div>
        <p className="mt-0.5 text-sm [overflow-wrap:anywhere] text-muted-foreground">{error.hint.summary}</p>
        {active ? <p className="mt-1 text-sm break-words">{error.hint.fix}</p> : null}
        <p className="mt-1 text-xs [overflow-wrap:anywhere] text-muted-foreground" suppressHydrationWarning>
          <code className="font-mono">{error.code}</code> · {error.attempts}{" "}
          {error.attempts === 1 ? "attempt" : "attempts"} · first {formatDateTime(error.firstAt)}
          {error.lastAt !== error.firstAt ? `, last ${formatDateTime(error.lastAt)}` : ""}
        </p>
        {active ? (
          <Link href="/errors" className="mt-1 inline-block text-xs font-medium text-primary hover:underline">
            Open the error log
          </Link>
        ) : null}
      </div>
    </li>
  );
}

function EntryItem({ entry }: { entry: TSyncHistory["entries"][number] }) {
  const style = eventStyle(entry.event);
  const Icon = style.icon;
  return (
    <li className="flex gap-3">
      <span className={cn("flex size-7 shrink-0 items-center justify-center rounded-full", TONES[style.tone])}>
        <Icon aria-hidden="true" className="size-3.5" />
      </span>
      <div className="min-w-0 flex-1 pt-0.5">
        <div className="flex flex-wrap items-baseline justify-between gap-x-3">
          <p className="text-sm font-medium">{style.title}</p>
          <span className="text-xs text-muted-foreground">
            <RelativeTime at={entry.at} />
          </span>
        </div>
        <p className="mt-0.5 text-sm [overflow-wrap:anywhere] text-muted-foreground">{entry.message}</p>
      </div>
    </li>
  );
}

/** The profile header's badge: where the record stands with Salesforce, once Tandem has written it. */
export function RecordPushState({ type, id }: { type: TRecordType; id: string }) {
  const trpc = useTRPC();
  const history = useQuery(trpc.crm.syncHistory.queryOptions({ type, id }));
  return history.data?.pushState ? <PushStateBadge state={history.data.pushState} /> : null;
}

/**
 * ERR-2: the record's own pushes and rejections, newest first — what Tandem wrote, what Salesforce
 * refused with the fix in plain words, and what resolved it.
 */
export function SyncHistoryPanel({ type, id }: { type: TRecordType; id: string }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.crm.syncHistory.queryOptions({ type, id }));
  const items: TItem[] = [
    ...data.entries.map((entry): TItem => ({ type: "entry", at: entry.at, entry })),
    ...data.errors.map((error): TItem => ({ type: "error", at: error.lastAt, error })),
  ].sort((a, b) => b.at - a.at);
  const pulled = data.source === "pull" || data.source === "outbound";
  const pushedYet =
    data.errors.length > 0 ||
    data.entries.some((entry) => PUSH_RESULTS.has(entry.event) || entry.event === "linked-by-pull");

  return (
    <Card className="gap-0 py-0">
      <CardHeader className="border-b py-3.5">
        <CardTitle asChild className="flex items-center gap-2 text-sm">
          <h2>
            <CloudIcon aria-hidden="true" className="size-4 text-muted-foreground" />
            Sync history
          </h2>
        </CardTitle>
      </CardHeader>
      <CardContent className="grid grid-cols-1 gap-4 py-4">
        {pulled && items.length === 0 ? (
          <div className="grid gap-1 text-sm text-muted-foreground">
            <p className="font-medium text-foreground">Pulled from Salesforce; Tandem has not written to it.</p>
            <p>Edits made here, and what Salesforce says about them, show in this panel.</p>
          </div>
        ) : null}
        {!pulled && !pushedYet ? (
          <div className="grid gap-1 text-sm text-muted-foreground">
            <p className="font-medium text-foreground">Nothing pushed yet.</p>
            <p>
              {data.pushState === "local"
                ? `Pushing ${PUSH_KIND_WORDS[PUSH_KIND[type]]} is off, so this record stays in Tandem until an admin turns it on.`
                : "The next push sends it to Salesforce; the result shows here."}
            </p>
          </div>
        ) : null}
        {items.length > 0 ? (
          <ol aria-label="Sync history, newest first" className="grid gap-4">
            {items.map((item) =>
              item.type === "entry" ? (
                <EntryItem key={`entry-${item.entry.id}`} entry={item.entry} />
              ) : (
                <ErrorItem key={`error-${item.error.id}`} error={item.error} />
              ),
            )}
          </ol>
        ) : null}
      </CardContent>
    </Card>
  );
}
