"use client";

import { ChevronDownIcon, ClockIcon, GitMergeIcon, RotateCcwIcon, XIcon } from "lucide-react";
import { useId, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Spinner } from "@/components/ui/spinner";
import type { TDuplicatePair } from "@/server/duplicates/duplicate-schemas";
import { formatScore, pairName } from "./duplicate-display";
import { PairComparison } from "./pair-comparison";

const spinner = <Spinner aria-hidden="true" role={undefined} />;

/** Why the matcher paired them, as chips. */
export function ReasonChips({ reasons, label }: { reasons: readonly string[]; label: string }) {
  if (reasons.length === 0) return null;
  return (
    <ul aria-label={label} className="flex flex-wrap gap-1">
      {reasons.map((reason) => (
        <li key={reason}>
          <Badge variant="secondary" className="font-normal">
            {reason}
          </Badge>
        </li>
      ))}
    </ul>
  );
}

/**
 * A potential duplicate in the queue: how likely, why, the two records with their differences
 * marked (every field on demand), and what to do: merge, not a duplicate, later (or reopen).
 */
export function DuplicatePairCard({
  pair,
  headingLevel,
  busy,
  deciding,
  onMerge,
  onDecide,
}: {
  pair: TDuplicatePair;
  headingLevel: 2 | 3;
  busy: boolean;
  deciding: boolean;
  /** Opens the merge dialog; focus goes back to `opener` when it closes. */
  onMerge: (opener: HTMLElement) => void;
  onDecide: (decision: "dismiss" | "later" | "reopen") => void;
}) {
  const headingId = useId();
  const comparisonId = useId();
  const [expanded, setExpanded] = useState(false);
  const name = pairName(pair);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const later = pair.state === "later";
  return (
    <article aria-labelledby={headingId} className="rounded-lg border bg-card text-card-foreground shadow-xs">
      <header className="flex flex-wrap items-start justify-between gap-x-4 gap-y-3 border-b px-4 py-3">
        <div className="flex min-w-0 flex-1 basis-64 flex-wrap items-center gap-x-3 gap-y-2">
          <Heading id={headingId} className="sr-only">
            {name}
          </Heading>
          <p className="flex items-baseline gap-1.5">
            <span className="text-lg font-semibold tabular-nums">{formatScore(pair.score)}</span>
            <span className="text-xs text-muted-foreground">match</span>
          </p>
          {later ? (
            <Badge variant="outline" className="font-normal">
              <ClockIcon aria-hidden="true" /> Later
            </Badge>
          ) : null}
          <ReasonChips reasons={pair.reasons} label={`Why ${name} look alike`} />
        </div>
        <div className="grid w-full grid-cols-2 gap-1.5 sm:flex sm:w-auto sm:flex-wrap sm:items-center">
          <Button
            size="sm"
            aria-label={`Merge ${name}…`}
            pending={busy}
            onClick={(event) => onMerge(event.currentTarget)}
            className="max-sm:col-span-2"
          >
            <GitMergeIcon /> Merge…
          </Button>
          <Button
            variant="outline"
            size="sm"
            aria-label={`${name}: not a duplicate`}
            pending={busy}
            onClick={() => onDecide("dismiss")}
          >
            {deciding ? spinner : <XIcon />} Not a duplicate
          </Button>
          {later ? (
            <Button
              variant="ghost"
              size="sm"
              className="max-sm:border"
              aria-label={`Reopen ${name}`}
              pending={busy}
              onClick={() => onDecide("reopen")}
            >
              <RotateCcwIcon /> Reopen
            </Button>
          ) : (
            <Button
              variant="ghost"
              size="sm"
              className="max-sm:border"
              aria-label={`Review ${name} later`}
              pending={busy}
              onClick={() => onDecide("later")}
            >
              <ClockIcon /> Later
            </Button>
          )}
        </div>
      </header>
      <div className="grid gap-1 px-4 pt-3 pb-2">
        <PairComparison pair={pair} expanded={expanded} id={comparisonId} />
        <div>
          <Button
            variant="ghost"
            size="sm"
            className="-ml-2.5 text-muted-foreground"
            aria-expanded={expanded}
            aria-controls={comparisonId}
            onClick={() => setExpanded(!expanded)}
          >
            <ChevronDownIcon className={cn("transition-transform", expanded && "rotate-180")} />
            {expanded ? "Fewer fields" : "Compare every field"}
          </Button>
        </div>
      </div>
    </article>
  );
}
