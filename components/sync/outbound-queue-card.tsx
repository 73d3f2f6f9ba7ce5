import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { TOutboundQueue } from "@/server/status/outbound-queue";

const when = new Intl.DateTimeFormat("en", { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" });

/**
 * ERR-3 for outbound messages: what still waits to be applied, and every notification Tandem gave
 * up on with Salesforce's reason. Shown only when there is something to say.
 */
export function OutboundQueueCard({ queue }: { queue: TOutboundQueue }) {
  if (queue.pending === 0 && queue.failed === 0) return null;
  return (
    <Card className="gap-0 pb-0" role="region" aria-labelledby="outbound-queue-title">
      <CardHeader className="pb-4">
        <CardTitle id="outbound-queue-title" className="text-base">
          Outbound messages
        </CardTitle>
        <CardDescription>
          {queue.pending > 0
            ? `${queue.pending.toLocaleString()} ${queue.pending === 1 ? "change announced by Salesforce waits" : "changes announced by Salesforce wait"} to be applied; the next sync applies ${queue.pending === 1 ? "it" : "them"}. `
            : ""}
          {queue.failed > 0
            ? `${queue.failed.toLocaleString()} could not be applied after several attempts. Fix the cause (usually the connected user's access to the object or a field), then run Sync now: the next change to each record brings it in.`
            : ""}
        </CardDescription>
      </CardHeader>
      {queue.recentFailures.length > 0 ? (
        <CardContent className="px-0">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead className="pl-5">Received</TableHead>
                <TableHead>Record</TableHead>
                <TableHead className="hidden text-right sm:table-cell">Attempts</TableHead>
                <TableHead className="hidden pr-5 sm:table-cell">Reason</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {queue.recentFailures.map((failure) => (
                <TableRow key={failure.notificationId} className="align-top">
                  <TableCell className="pl-5 whitespace-nowrap tabular-nums" suppressHydrationWarning>
                    {when.format(failure.receivedAt)}
                  </TableCell>
                  <TableCell className="pr-5 sm:pr-2">
                    <div>{failure.object}</div>
                    <div className="font-mono text-xs text-muted-foreground">{failure.sfId}</div>
                    {/* On a phone the reason reads under the record instead of in a squeezed column. */}
                    <p className="mt-1 text-xs whitespace-normal text-muted-foreground sm:hidden">
                      {failure.error ?? "No reason recorded."}
                    </p>
                  </TableCell>
                  <TableCell className="hidden text-right tabular-nums sm:table-cell">{failure.attempts}</TableCell>
                  <TableCell className="hidden max-w-md pr-5 text-xs whitespace-normal text-muted-foreground sm:table-cell">
                    {failure.error ?? "No reason recorded."}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </CardContent>
      ) : null}
    </Card>
  );
}
