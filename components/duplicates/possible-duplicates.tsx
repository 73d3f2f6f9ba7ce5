"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { CopyIcon } from "lucide-react";
import Link from "next/link";
import { useId } from "react";
import { useDebouncedValue } from "@/components/mapping/use-debounced-value";
import { useTRPC } from "@/components/trpc/provider";
import type { TMatchEntity } from "@/server/duplicates/duplicate-vocabulary";
import { formatScore } from "./duplicate-display";
import { RecordKindBadge } from "./record-kind-badge";
import { similarLookupValues } from "./similar-values";

const TYPING_PAUSE_MS = 300;
const SHOWN = 3;
const REASONS_SHOWN = 2;

/**
 * DUP-4 in a create form: as the rep types, the records this one would likely duplicate, with
 * why. Creating anyway is the form's own button; nothing here blocks it.
 */
export function PossibleDuplicates({
  entity,
  values,
}: {
  entity: TMatchEntity;
  values: Readonly<Record<string, string | null | undefined>>;
}) {
  const trpc = useTRPC();
  const headingId = useId();
  const lookup = similarLookupValues(entity, values);
  const typed = lookup ? JSON.stringify(lookup) : null;
  const settled = useDebouncedValue(typed, TYPING_PAUSE_MS);
  const similar = useQuery({
    ...trpc.duplicates.similar.queryOptions({
      entity,
      values: settled ? (JSON.parse(settled) as Record<string, string>) : {},
      limit: SHOWN,
    }),
    enabled: settled !== null,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const found = typed === null ? [] : (similar.data ?? []);
  const count = found.length;
  return (
    <>
      <p className="sr-only" aria-live="polite">
        {count === 0 ? "" : `${count} possible ${count === 1 ? "duplicate" : "duplicates"} found.`}
      </p>
      {count > 0 ? (
        <section
          aria-labelledby={headingId}
          className="grid min-w-0 gap-2 rounded-md border border-warning/35 bg-warning/5 px-3 py-2.5 text-sm dark:bg-warning/10"
        >
          <div className="flex items-start gap-2">
            <CopyIcon aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-warning" />
            <div className="grid gap-0.5">
              <h3 id={headingId} className="font-medium">
                Possible duplicates
              </h3>
              <p className="text-[0.8125rem] text-foreground/80">
                {count === 1 ? "This record is" : "These records are"} already in Tandem. Open one instead, or create
                this one anyway.
              </p>
            </div>
          </div>
          <ul className="grid gap-1.5">
            {found.map(({ record, score, reasons }) => (
              <li
                key={`${record.type}:${record.id}`}
                className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-0.5 rounded-md bg-background/70 px-2 py-1.5"
              >
                {record.href ? (
                  <Link href={record.href} className="font-medium break-words underline underline-offset-4">
                    {record.name}
                  </Link>
                ) : (
                  <span className="font-medium break-words">{record.name}</span>
                )}
                <RecordKindBadge record={record} />
                <span className="text-xs text-foreground/80 tabular-nums">{formatScore(score)} match</span>
                <span className="basis-full text-xs break-words text-foreground/80">
                  {[record.email, record.company, ...reasons.slice(0, REASONS_SHOWN)].filter(Boolean).join(" · ")}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
