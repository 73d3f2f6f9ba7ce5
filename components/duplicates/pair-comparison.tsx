"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/trpc/provider";
import { cn } from "@/components/ui/cn";
import { Spinner } from "@/components/ui/spinner";
import type { TDuplicatePair, TDuplicateRecord } from "@/server/duplicates/duplicate-schemas";
import { compareRows } from "./duplicate-display";
import { RecordKindBadge } from "./record-kind-badge";

type TRow = { key: string; label: string; a: string | null; b: string | null; differs: boolean };

const DIFFERS = "bg-warning/10 font-medium text-foreground shadow-[inset_2px_0_0_var(--color-warning)]";

function RecordHead({ record, differs }: { record: TDuplicateRecord; differs: boolean }) {
  return (
    <th scope="col" className="px-2 pb-2 text-left align-bottom font-normal">
      <span className="grid justify-items-start gap-1">
        <RecordKindBadge record={record} />
        <span className={cn("rounded-sm font-semibold break-words", differs && `${DIFFERS} px-1`)}>
          {record.href ? (
            <Link href={record.href} className="underline-offset-4 hover:underline">
              {record.name}
            </Link>
          ) : (
            record.name
          )}
          {differs ? <span className="sr-only"> (name differs)</span> : null}
        </span>
      </span>
    </th>
  );
}

function ValueCell({ value, differs }: { value: string | null; differs: boolean }) {
  return (
    <td className={cn("px-2 py-1.5 align-top break-words", differs ? DIFFERS : "text-muted-foreground")}>
      {value ?? <span className="italic">(empty)</span>}
      {differs ? <span className="sr-only"> (differs)</span> : null}
    </td>
  );
}

/**
 * A pair's two records side by side, the values that differ marked. Folded, the queue's fields
 * (email, phone, company or website); unfolded, every field a merge would choose from, loaded then.
 */
export function PairComparison({ pair, expanded, id }: { pair: TDuplicatePair; expanded: boolean; id: string }) {
  const trpc = useTRPC();
  const preview = useQuery({ ...trpc.duplicates.mergePreview.queryOptions({ pairId: pair.id }), enabled: expanded });
  const compact = compareRows(pair);
  const nameDiffers = compact.find((row) => row.key === "name")?.differs ?? false;
  const rows: TRow[] =
    expanded && preview.data
      ? preview.data.fields.filter((field) => field.a || field.b)
      : compact.filter((row) => row.key !== "name");
  return (
    <div id={id} className="grid gap-2">
      <table className="w-full table-fixed border-separate border-spacing-x-1 border-spacing-y-0 text-sm">
        <caption className="sr-only">
          {pair.a.name} and {pair.b.name} side by side; differing values are marked.
        </caption>
        <colgroup>
          <col className="w-16 sm:w-32" />
          <col />
          <col />
        </colgroup>
        <thead>
          <tr>
            <td />
            <RecordHead record={pair.a} differs={nameDiffers} />
            <RecordHead record={pair.b} differs={nameDiffers} />
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th
                scope="row"
                className="py-1.5 pr-2 text-left align-top text-xs font-normal break-words text-muted-foreground sm:text-sm"
              >
                {row.label}
              </th>
              <ValueCell value={row.a} differs={row.differs} />
              <ValueCell value={row.b} differs={row.differs} />
            </tr>
          ))}
        </tbody>
      </table>
      {expanded && preview.isPending ? (
        <p className="flex items-center gap-2 text-sm text-muted-foreground">
          <Spinner aria-hidden="true" role={undefined} /> Loading every field…
        </p>
      ) : null}
      {expanded && preview.isError ? (
        <p role="alert" className="text-sm text-destructive">
          {preview.error.message}
        </p>
      ) : null}
    </div>
  );
}
