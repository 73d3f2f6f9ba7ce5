"use client";

import { ArrowRightIcon } from "lucide-react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Select, SelectContent, SelectItem, SelectSeparator, SelectTrigger, SelectValue } from "@/components/ui/select";
import { fieldLabel, fieldsForKind, type TColumnTarget } from "@/server/prospects/import/prospect-fields";
import type { TProspectKind } from "@/server/prospects/schemas";

/** Step 2: which Tandem field each column fills; a column can be kept as an extra field or ignored. */
export function MappingCard({
  kind,
  headers,
  samples,
  mapping,
  onChange,
  pending,
}: {
  kind: TProspectKind;
  headers: string[];
  samples: string[][];
  mapping: TColumnTarget[];
  onChange: (mapping: TColumnTarget[]) => void;
  /**
   * A preview or the import runs: the columns read as unavailable and ignore changes, but are not
   * `disabled`, which would drop the keyboard's focus.
   */
  pending: boolean;
}) {
  function choose(index: number, target: TColumnTarget) {
    if (pending) return;
    // A field comes from one column: taking it elsewhere frees the column that had it.
    const next = mapping.map((current, position) =>
      position === index
        ? target
        : current === target && target !== "extra" && target !== "ignore"
          ? "ignore"
          : current,
    );
    onChange(next);
  }
  return (
    <Card className="gap-0 pb-0">
      <CardHeader className="border-b">
        <CardTitle className="text-base">Match the columns</CardTitle>
        <CardDescription>
          Tandem guessed from the column names. Change any that are wrong; the preview follows.
        </CardDescription>
      </CardHeader>
      <CardContent className="px-0">
        <ul className="divide-y">
          {headers.map((header, index) => (
            <li
              key={header}
              className="grid gap-2 px-5 py-3 sm:grid-cols-[minmax(0,1fr)_auto_14rem] sm:items-center sm:gap-4"
            >
              <div className="min-w-0">
                <div className="truncate text-sm font-medium">{header}</div>
                <div className="truncate text-xs text-muted-foreground">
                  {samples[index]?.join(" · ") || "Empty in the first rows"}
                </div>
              </div>
              <ArrowRightIcon className="hidden size-4 text-muted-foreground sm:block" aria-hidden="true" />
              <Select
                value={mapping[index] ?? "ignore"}
                onValueChange={(value) => choose(index, value as TColumnTarget)}
              >
                <SelectTrigger
                  className="w-full"
                  aria-label={`Tandem field for the column ${header}`}
                  aria-disabled={pending || undefined}
                >
                  <SelectValue />
                </SelectTrigger>
                <SelectContent>
                  {fieldsForKind(kind).map((field) => (
                    <SelectItem key={field} value={field}>
                      {fieldLabel(field, kind)}
                    </SelectItem>
                  ))}
                  <SelectSeparator />
                  <SelectItem value="extra">Keep as extra field</SelectItem>
                  <SelectItem value="ignore">Ignore this column</SelectItem>
                </SelectContent>
              </Select>
            </li>
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}
