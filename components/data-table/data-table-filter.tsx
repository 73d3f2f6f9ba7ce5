"use client";

import { Select, SelectContent, SelectItem, SelectSeparator, SelectTrigger, SelectValue } from "@/components/ui/select";
import { cn } from "@/components/ui/cn";

// Radix Select reserves "" for "no value"; this stands for "no filter".
const ALL = "__all__";

export type TFilterOption = { value: string; label: string };

/** One filter of a toolbar: "All …" or one of the options. */
export function DataTableFilter({
  label,
  allLabel,
  value,
  options,
  onChange,
  className,
}: {
  label: string;
  allLabel: string;
  value: string | undefined;
  options: TFilterOption[];
  onChange: (value: string | undefined) => void;
  className?: string;
}) {
  const known = value === undefined || options.some((option) => option.value === value);
  return (
    <Select value={value ?? ALL} onValueChange={(next) => onChange(next === ALL ? undefined : next)}>
      <SelectTrigger
        size="sm"
        aria-label={label}
        className={cn("min-w-0", value !== undefined && "border-primary/40 bg-primary/5 dark:bg-primary/10", className)}
      >
        <SelectValue placeholder={allLabel} />
      </SelectTrigger>
      <SelectContent align="start">
        <SelectItem value={ALL}>{allLabel}</SelectItem>
        <SelectSeparator />
        {options.map((option) => (
          <SelectItem key={option.value} value={option.value}>
            {option.label}
          </SelectItem>
        ))}
        {/* A filter from an old link whose option is gone still shows what it filters on. */}
        {known || value === undefined ? null : <SelectItem value={value}>{value}</SelectItem>}
      </SelectContent>
    </Select>
  );
}
