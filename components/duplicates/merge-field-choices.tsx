"use client";

import { useId } from "react";
import { cn } from "@/components/ui/cn";
import type { TSide } from "@/server/duplicates/merge/merge-options";
import type { TMergeChoices, TMergeField } from "./merge-plan";

const ROW_GRID = "sm:grid sm:grid-cols-[7.5rem_minmax(0,1fr)_minmax(0,1fr)] sm:items-center sm:gap-3";

function Value({ value }: { value: string | null }) {
  return value === null ? (
    <span className="text-muted-foreground italic">(empty)</span>
  ) : (
    <span className="block break-words [overflow-wrap:anywhere]">{value}</span>
  );
}

/** One differing field: its name and the two values as radio buttons (arrow keys move between them). */
function FieldChoice({
  field,
  names,
  chosen,
  onChoose,
  pending,
}: {
  field: TMergeField;
  names: Record<TSide, string>;
  chosen: TSide;
  onChoose: (side: TSide) => void;
  pending: boolean;
}) {
  const labelId = useId();
  const name = useId();
  return (
    <div role="radiogroup" aria-labelledby={labelId} className={cn("grid gap-1.5 px-3 py-2.5", ROW_GRID)}>
      <span id={labelId} className="text-sm font-medium">
        {field.label}
      </span>
      {(["a", "b"] as const).map((side) => (
        <label
          key={side}
          className={cn(
            "flex min-w-0 cursor-pointer items-start gap-2 rounded-md border px-2.5 py-1.5 text-sm transition-colors hover:bg-accent/50",
            "has-[:focus-visible]:border-ring has-[:focus-visible]:ring-[3px] has-[:focus-visible]:ring-ring/50",
            chosen === side && "border-primary/50 bg-primary/5 dark:bg-primary/10",
            pending && "cursor-not-allowed opacity-50",
          )}
        >
          <input
            type="radio"
            name={name}
            value={side}
            checked={chosen === side}
            // Not `disabled` while merging: a disabled control drops the keyboard's focus.
            aria-disabled={pending || undefined}
            onChange={() => !pending && onChoose(side)}
            className="mt-0.5 size-4 shrink-0 accent-primary outline-none"
          />
          <span className="block min-w-0 flex-1">
            <span className="block text-xs text-muted-foreground sm:sr-only">From {names[side]}</span>
            <Value value={field[side]} />
          </span>
        </label>
      ))}
    </div>
  );
}

/**
 * DUP-3's field-by-field choice: each field that differs, with the value the survivor keeps
 * chosen (its own by default, the other's where it has none); the equal ones muted below.
 */
export function MergeFieldChoices({
  choices,
  same,
  dropped,
  chosen,
  onChoose,
  names,
  survivorName,
  survivorKind,
  pending,
}: {
  choices: TMergeField[];
  same: TMergeField[];
  dropped: TMergeField[];
  chosen: TMergeChoices;
  onChoose: (key: string, side: TSide) => void;
  names: Record<TSide, string>;
  survivorName: string;
  survivorKind: string;
  /** The merge is running: the choices read as unavailable and ignore changes. */
  pending: boolean;
}) {
  return (
    <fieldset className="grid min-w-0 gap-2">
      <legend className="mb-1 text-sm font-medium">Values to keep</legend>
      <p className="text-sm text-muted-foreground">
        {choices.length > 0
          ? `Where the two differ, choose the value ${survivorName} keeps.`
          : "The two records hold the same values: there is nothing to choose."}
      </p>
      <div className="rounded-md border">
        {choices.length > 0 ? (
          <div aria-hidden="true" className={cn("hidden border-b px-3 py-1.5 text-xs text-muted-foreground", ROW_GRID)}>
            <span>Field</span>
            <span className="truncate pl-8">{names.a}</span>
            <span className="truncate pl-8">{names.b}</span>
          </div>
        ) : null}
        <div className="divide-y">
          {choices.map((field) => (
            <FieldChoice
              key={field.key}
              field={field}
              names={names}
              chosen={chosen[field.key] ?? "a"}
              onChoose={(side) => onChoose(field.key, side)}
              pending={pending}
            />
          ))}
          {same.length > 0 ? (
            <dl aria-label="The same in both" className="grid gap-1 px-3 py-2.5 text-sm text-muted-foreground">
              {same.map((field) => (
                <div key={field.key} className={cn("grid gap-x-3", ROW_GRID)}>
                  <dt>{field.label}</dt>
                  <dd className="min-w-0 sm:col-span-2">
                    <span className="break-words [overflow-wrap:anywhere]">{field.a}</span>{" "}
                    <span className="text-xs">(same in both)</span>
                  </dd>
                </div>
              ))}
            </dl>
          ) : null}
        </div>
      </div>
      {dropped.length > 0 ? (
        <p className="text-xs text-muted-foreground">
          Not kept: {dropped.map((field) => field.label).join(", ")}. {survivorName} is {article(survivorKind)}{" "}
          {survivorKind}, which has no such {dropped.length === 1 ? "field" : "fields"}.
        </p>
      ) : null}
    </fieldset>
  );
}

const article = (word: string) => (/^[aeiou]/i.test(word) ? "an" : "a");
