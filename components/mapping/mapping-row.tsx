"use client";

import { ArrowLeftRightIcon, Trash2Icon, TriangleAlertIcon } from "lucide-react";
import { useEffect, useId, useRef } from "react";
import { Button } from "@/components/ui/button";
import {
  Select,
  SelectContent,
  SelectGroup,
  SelectItem,
  SelectLabel,
  SelectTrigger,
  SelectValue,
} from "@/components/ui/select";
import type { TMappingView } from "@/server/mapping/mapping-schemas";
import { EXTRA_FIELD_PREFIX, FIELD_MAPPING_MODES, type TFieldMappingMode } from "@/server/sync/core/field-mapping";
import { groupTandemFields, isComplete, type TDraftRow, type TMappingEntry } from "./mapping-draft";
import { MODE_WORDS } from "./mapping-words";

type TObjectView = TMappingView["objects"][number];

/** The words of a Tandem field, also when the data no longer has it (an imported column gone). */
function tandemLabelOf(fields: TObjectView["tandemFields"], name: string): string {
  const field = fields.find((candidate) => candidate.name === name);
  if (field) return field.label;
  return name.startsWith(EXTRA_FIELD_PREFIX) ? name.slice(EXTRA_FIELD_PREFIX.length) : name;
}

/** A visible label on narrow screens, where the column headings are not shown. */
function CellLabel({ children }: { children: React.ReactNode }) {
  return <span className="text-xs font-medium text-muted-foreground md:hidden">{children}</span>;
}

/**
 * One mapped pair: Tandem field ↔ Salesforce field, its mode, and why it cannot work (then sync
 * skips it until it is fixed). Every control is named with the row's position and Tandem field.
 */
export function MappingRow({
  position,
  row,
  view,
  problems,
  problemNote,
  pending,
  focusOnMount,
  onChange,
  onRemove,
}: {
  position: number;
  row: TDraftRow;
  view: TObjectView;
  problems: string[];
  /** What a problem means for this row: skipped by sync (saved), or in the way of saving (edited). */
  problemNote: string;
  /** The mapping is being saved: the row reads as unavailable and ignores changes, yet keeps its focus. */
  pending: boolean;
  focusOnMount: boolean;
  onChange: (change: Partial<TMappingEntry>) => void;
  onRemove: () => void;
}) {
  const id = useId();
  const first = useRef<HTMLButtonElement>(null);
  // A row just added takes the focus, so a keyboard goes on from its first field.
  useEffect(() => {
    if (focusOnMount) first.current?.focus();
  }, [focusOnMount]);

  const tandemLabel = row.tandem ? tandemLabelOf(view.tandemFields, row.tandem) : "";
  const named = `row ${position}${tandemLabel ? ` (${tandemLabel})` : ""}`;
  const { standard, imported } = groupTandemFields(view.tandemFields);
  const knownTandem = !row.tandem || view.tandemFields.some((field) => field.name === row.tandem);
  const salesforceField = view.salesforceFields.find(
    (field) => field.name.toLowerCase() === row.salesforce.toLowerCase(),
  );
  const problemId = `${id}-problem`;
  const modeHelpId = `${id}-mode-help`;
  const invalid = problems.length > 0 || undefined;
  // Not `disabled` while saving: a disabled control drops the keyboard's focus.
  const change = (next: Partial<TMappingEntry>) => !pending && onChange(next);

  return (
    <li className="grid gap-3 px-4 py-3 md:grid-cols-[minmax(0,1fr)_1rem_minmax(0,1fr)_11rem_2.25rem] md:items-start md:gap-x-3">
      <div className="grid min-w-0 gap-1">
        <CellLabel>Tandem field</CellLabel>
        <Select value={row.tandem} onValueChange={(tandem) => change({ tandem })}>
          <SelectTrigger
            ref={first}
            className="w-full"
            aria-label={`Tandem field, row ${position}`}
            aria-disabled={pending || undefined}
          >
            <SelectValue placeholder="Choose a Tandem field" />
          </SelectTrigger>
          <SelectContent>
            {knownTandem ? null : <SelectItem value={row.tandem}>{tandemLabel} (not in Tandem&apos;s data)</SelectItem>}
            <SelectGroup>
              <SelectLabel>Prospect fields</SelectLabel>
              {standard.map((field) => (
                <SelectItem key={field.name} value={field.name}>
                  {field.label}
                </SelectItem>
              ))}
            </SelectGroup>
            {imported.length > 0 ? (
              <SelectGroup>
                <SelectLabel>Imported columns</SelectLabel>
                {imported.map((field) => (
                  <SelectItem key={field.name} value={field.name}>
                    {field.label}
                  </SelectItem>
                ))}
              </SelectGroup>
            ) : null}
          </SelectContent>
        </Select>
      </div>
      <ArrowLeftRightIcon className="mt-2.5 hidden size-4 text-muted-foreground md:block" aria-hidden="true" />
      <div className="grid min-w-0 gap-1">
        <CellLabel>Salesforce field</CellLabel>
        <Select value={salesforceField?.name ?? row.salesforce} onValueChange={(salesforce) => change({ salesforce })}>
          <SelectTrigger
            className="w-full"
            aria-label={`Salesforce field, ${named}`}
            aria-invalid={invalid}
            aria-describedby={invalid ? problemId : undefined}
            aria-disabled={pending || undefined}
          >
            <SelectValue placeholder="Choose a Salesforce field" />
          </SelectTrigger>
          <SelectContent>
            {salesforceField || !row.salesforce ? null : (
              <SelectItem value={row.salesforce}>
                {view.salesforceFields.length > 0 ? `${row.salesforce} (Tandem cannot write it)` : row.salesforce}
              </SelectItem>
            )}
            {view.salesforceFields.map((field) => (
              <SelectItem key={field.name} value={field.name} textValue={field.label}>
                <span className="truncate">{field.label}</span>
                <span className="truncate text-xs text-muted-foreground">
                  {field.name} · {field.type}
                </span>
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
      <div className="grid min-w-0 gap-1">
        <CellLabel>Mode</CellLabel>
        <Select value={row.mode} onValueChange={(mode) => change({ mode: mode as TFieldMappingMode })}>
          <SelectTrigger
            className="w-full"
            aria-label={`Mode, ${named}`}
            aria-describedby={modeHelpId}
            aria-disabled={pending || undefined}
          >
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            {FIELD_MAPPING_MODES.map((mode) => (
              <SelectItem key={mode} value={mode}>
                {MODE_WORDS[mode].label}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
        <p id={modeHelpId} className="text-xs text-muted-foreground">
          {MODE_WORDS[row.mode].explanation}
        </p>
      </div>
      <Button
        variant="ghost"
        size="icon"
        className="justify-self-end md:justify-self-auto"
        aria-label={`Remove ${named}`}
        onClick={onRemove}
        pending={pending}
      >
        <Trash2Icon />
      </Button>
      {problems.length > 0 ? (
        <div id={problemId} className="flex gap-2 text-sm text-destructive md:col-span-5">
          <TriangleAlertIcon role="img" aria-label="Problem" className="mt-0.5 size-4 shrink-0" />
          <div className="grid gap-0.5">
            {problems.map((problem) => (
              <p key={problem}>{problem}</p>
            ))}
            <p className="text-muted-foreground">{problemNote}</p>
          </div>
        </div>
      ) : isComplete(row) ? null : (
        <p className="text-xs text-muted-foreground md:col-span-5">
          Choose both fields; the preview and Save wait for them.
        </p>
      )}
    </li>
  );
}
