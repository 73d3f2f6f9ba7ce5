import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

type TTick = {
  id: string;
  trigger: string;
  startedAt: number;
  durationMs: number | null;
  status: string;
  apiCalls: number;
  more: boolean;
  error: string | null;
  summary: {
    pull: Record<string, { created: number; updated: number; deleted: number; unchanged: number; suppressed?: number }>;
    push?: Record<string, { created: number; updated: number; failed: number }>;
    paused?: string;
    outbound?: { applied: number; failed: number };
  } | null;
};

const when = new Intl.DateTimeFormat("en", {
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});
const TRIGGERS: Record<string, string> = {
  cron: "schedule",
  schedule: "schedule",
  manual: "Sync now",
  cli: "command line",
  wizard: "setup",
  outbound: "outbound message",
  push: "a rep's change",
};

function changes(summary: TTick["summary"]) {
  if (!summary) return "—";
  const parts: string[] = [];
  for (const [object, counts] of Object.entries(summary.pull)) {
    const moved = counts.created + counts.updated + counts.deleted;
    if (moved > 0) parts.push(`${object}: +${counts.created} ~${counts.updated} −${counts.deleted}`);
  }
  if (summary.outbound?.applied) parts.push(`${summary.outbound.applied} outbound applied`);
  if (summary.outbound?.failed) parts.push(`${summary.outbound.failed} outbound failed`);
  for (const [object, counts] of Object.entries(summary.push ?? {})) {
    const pushed = [
      counts.created && `${counts.created} created`,
      counts.updated && `${counts.updated} updated`,
      counts.failed && `${counts.failed} rejected`,
    ].filter(Boolean);
    if (pushed.length) parts.push(`pushed ${object}: ${pushed.join(", ")}`);
  }
  return parts.length ? parts.join(" · ") : "no changes";
}

export function TickTable({ ticks }: { ticks: TTick[] }) {
  if (ticks.length === 0) return <p className="px-5 pb-5 text-sm text-muted-foreground">No sync has run yet.</p>;
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead className="pl-5">When</TableHead>
          <TableHead>Result</TableHead>
          <TableHead className="hidden md:table-cell">Changes</TableHead>
          <TableHead className="text-right">API calls</TableHead>
          <TableHead className="hidden pr-5 text-right sm:table-cell">Took</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {ticks.map((tick) => (
          <TableRow key={tick.id} className="align-top">
            <TableCell className="pl-5 whitespace-nowrap">
              <div className="tabular-nums" suppressHydrationWarning>
                {when.format(tick.startedAt)}
              </div>
              <div className="text-xs text-muted-foreground">{TRIGGERS[tick.trigger] ?? tick.trigger}</div>
            </TableCell>
            <TableCell className="max-w-sm">
              <Badge
                variant={tick.status === "ok" ? "success" : tick.status === "failed" ? "destructive" : "secondary"}
              >
                {tick.status === "ok"
                  ? tick.more
                    ? "partial"
                    : "ok"
                  : tick.status === "skipped"
                    ? (tick.summary?.paused ?? "skipped")
                    : tick.status}
              </Badge>
              {tick.error ? <p className="mt-1 text-xs whitespace-normal text-muted-foreground">{tick.error}</p> : null}
            </TableCell>
            <TableCell className="hidden text-xs whitespace-normal text-muted-foreground md:table-cell">
              {changes(tick.summary)}
            </TableCell>
            <TableCell className="text-right tabular-nums">{tick.apiCalls}</TableCell>
            <TableCell className="hidden pr-5 text-right tabular-nums sm:table-cell">
              {tick.durationMs !== null ? `${(tick.durationMs / 1000).toFixed(1)} s` : "…"}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
