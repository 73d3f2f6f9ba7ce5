"use client";

import { MoreHorizontalIcon, RotateCwIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import type { TPushErrorRow } from "@/server/push-errors/push-error-schemas";
import type { useErrorActions } from "./use-error-actions";

/** A row's actions: retry, and in its menu retry all with the same code, and dismiss. */
export function ErrorRowActions({
  error,
  openWithCode,
  actions,
}: {
  error: TPushErrorRow;
  /** Open errors with this row's code, for "retry all with this code". */
  openWithCode: number;
  actions: ReturnType<typeof useErrorActions>;
}) {
  const canRetryCode = error.actions.retry && openWithCode > 1;
  if (!error.actions.retry && !error.actions.dismiss && !canRetryCode) return null;
  return (
    <div className="flex items-center justify-end gap-1">
      {error.actions.retry ? (
        <Button
          variant="outline"
          size="sm"
          aria-label={`Retry ${error.record.name}`}
          pending={actions.busy}
          onClick={() => actions.retry.mutate({ ids: [error.id] })}
        >
          <RotateCwIcon /> <span className="hidden sm:inline">Retry</span>
        </Button>
      ) : null}
      {error.actions.dismiss || canRetryCode ? (
        <DropdownMenu>
          <DropdownMenuTrigger asChild>
            <Button variant="ghost" size="icon" className="size-8" aria-label={`More actions for ${error.record.name}`}>
              <MoreHorizontalIcon />
            </Button>
          </DropdownMenuTrigger>
          <DropdownMenuContent align="end">
            {canRetryCode ? (
              <DropdownMenuItem onSelect={() => actions.retry.mutate({ code: error.code })}>
                Retry all {openWithCode.toLocaleString("en")} with {error.code}
              </DropdownMenuItem>
            ) : null}
            {error.actions.dismiss ? (
              <DropdownMenuItem onSelect={() => actions.dismiss.mutate({ ids: [error.id] })}>Dismiss</DropdownMenuItem>
            ) : null}
          </DropdownMenuContent>
        </DropdownMenu>
      ) : null}
    </div>
  );
}
