"use client";

import Link from "next/link";
import { RelativeTime } from "@/components/records/profile/relative-time";
import { Card } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { TPushErrorList, TPushErrorRow } from "@/server/push-errors/push-error-schemas";
import { CreateAnywayDialog } from "./create-anyway-dialog";
import { DuplicateLinks } from "./duplicate-links";
import { ErrorRowActions } from "./error-row-actions";
import { ErrorStateBadge } from "./error-state-badge";
import type { useErrorActions } from "./use-error-actions";

const attemptsText = (attempts: number) => `${attempts} attempt${attempts === 1 ? "" : "s"}`;

function RecordCell({ error }: { error: TPushErrorRow }) {
  return (
    <>
      {error.record.href ? (
        <Link href={error.record.href} className="font-medium underline-offset-4 hover:underline">
          {error.record.name}
        </Link>
      ) : (
        <span className="font-medium">{error.record.name}</span>
      )}
      <div className="text-xs text-muted-foreground">
        {error.object} · {error.operation}
      </div>
    </>
  );
}

/** Salesforce's code, message and fields, then what it means and what to do. */
function ErrorCell({ error, actions }: { error: TPushErrorRow; actions: ReturnType<typeof useErrorActions> }) {
  return (
    <div className="grid gap-1.5">
      <p>
        <code className="rounded bg-muted px-1 py-0.5 font-mono text-xs">{error.code}</code>{" "}
        <span className="text-sm">{error.message}</span>
      </p>
      {error.fields.length > 0 ? (
        <p className="text-xs text-muted-foreground">
          {error.fields.length === 1 ? "Field" : "Fields"}: {error.fields.join(", ")}
        </p>
      ) : null}
      <div className="rounded-md border-l-2 border-primary/50 bg-muted/40 py-1.5 pr-2 pl-3 text-sm">
        <p className="font-medium">{error.hint.summary}</p>
        <p className="text-muted-foreground">{error.hint.fix}</p>
      </div>
      <DuplicateLinks duplicates={error.duplicates} />
      {error.actions.createAnyway ? (
        <div>
          <CreateAnywayDialog
            error={error}
            pending={actions.createAnyway.isPending}
            onConfirm={() => actions.createAnyway.mutateAsync({ id: error.id })}
          />
        </div>
      ) : null}
    </div>
  );
}

/**
 * ERR-1's table: when, object, record, operation, Salesforce's code, message and fields, attempts
 * and state. Narrower screens fold when, attempts and state under the record, and on a phone the
 * error too, so nothing needs sideways scrolling.
 */
export function ErrorTable({ list, actions }: { list: TPushErrorList; actions: ReturnType<typeof useErrorActions> }) {
  const openByCode = new Map(list.codes.map((entry) => [entry.code, entry.open]));
  return (
    <Card className="gap-0 overflow-hidden py-0">
      <Table aria-label="Push errors" className="table-fixed">
        <TableHeader>
          <TableRow>
            <TableHead className="hidden w-28 pl-4 lg:table-cell">When</TableHead>
            <TableHead className="w-auto pl-4 md:w-52 lg:w-48 lg:pl-3">Record</TableHead>
            <TableHead className="hidden md:table-cell">Salesforce error and fix</TableHead>
            <TableHead className="hidden w-20 text-right lg:table-cell">Attempts</TableHead>
            <TableHead className="hidden w-24 lg:table-cell">State</TableHead>
            <TableHead className="w-14 pr-4 sm:w-32">
              <span className="sr-only">Actions</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {list.rows.map((error) => (
            <TableRow key={error.id} className="[&>td]:align-top">
              <TableCell className="hidden pl-4 text-muted-foreground lg:table-cell">
                <RelativeTime at={error.at} />
              </TableCell>
              <TableCell className="pl-4 whitespace-normal lg:pl-3">
                <RecordCell error={error} />
                {/* Below lg the row's when, attempts and state read under the record. */}
                <div className="mt-1.5 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-muted-foreground lg:hidden">
                  <ErrorStateBadge state={error.state} severity={error.severity} />
                  <RelativeTime at={error.at} />
                  <span>· {attemptsText(error.attempts)}</span>
                </div>
                <div className="mt-2 md:hidden">
                  <ErrorCell error={error} actions={actions} />
                </div>
              </TableCell>
              <TableCell className="hidden whitespace-normal md:table-cell">
                <ErrorCell error={error} actions={actions} />
              </TableCell>
              <TableCell className="hidden text-right tabular-nums lg:table-cell">{error.attempts}</TableCell>
              <TableCell className="hidden lg:table-cell">
                <ErrorStateBadge state={error.state} severity={error.severity} />
              </TableCell>
              <TableCell className="pr-4">
                <ErrorRowActions error={error} openWithCode={openByCode.get(error.code) ?? 0} actions={actions} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Card>
  );
}
