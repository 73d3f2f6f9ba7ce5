"use client";

import { Field, FieldControl, FieldDescription, FieldError, FieldLabel } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";

type TFieldFrame = {
  label: string;
  errors?: string[];
  description?: React.ReactNode;
  className?: string;
};

/** A labelled, controlled text input with its description and the messages that say what to fix. */
export function TextField({
  label,
  errors,
  description,
  className,
  value,
  onValueChange,
  ...props
}: TFieldFrame & { value: string; onValueChange: (value: string) => void } & Omit<
    React.ComponentProps<"input">,
    "value" | "onChange" | "className"
  >) {
  return (
    <Field className={className}>
      <FieldLabel>{label}</FieldLabel>
      <FieldControl>
        <Input autoComplete="off" value={value} onChange={(event) => onValueChange(event.target.value)} {...props} />
      </FieldControl>
      {description ? <FieldDescription>{description}</FieldDescription> : null}
      <FieldError errors={errors} />
    </Field>
  );
}

export function TextareaField({
  label,
  errors,
  description,
  className,
  value,
  onValueChange,
  ...props
}: TFieldFrame & { value: string; onValueChange: (value: string) => void } & Omit<
    React.ComponentProps<"textarea">,
    "value" | "onChange" | "className"
  >) {
  return (
    <Field className={className}>
      <FieldLabel>{label}</FieldLabel>
      <FieldControl>
        <Textarea value={value} onChange={(event) => onValueChange(event.target.value)} {...props} />
      </FieldControl>
      {description ? <FieldDescription>{description}</FieldDescription> : null}
      <FieldError errors={errors} />
    </Field>
  );
}

// Radix Select reserves "" for "no value"; this stands for an optional field left empty.
const NONE = "__none__";

export type TSelectOption = { value: string; label: string };

/**
 * A labelled select. With `emptyLabel` the field is optional and that entry clears it; the value
 * is then "".
 */
export function SelectField({
  label,
  errors,
  description,
  className,
  value,
  onValueChange,
  options,
  placeholder,
  emptyLabel,
  disabled,
}: TFieldFrame & {
  value: string;
  onValueChange: (value: string) => void;
  options: readonly TSelectOption[];
  placeholder?: string;
  emptyLabel?: string;
  disabled?: boolean;
}) {
  const known = value === "" || options.some((option) => option.value === value);
  return (
    <Field className={className}>
      <FieldLabel>{label}</FieldLabel>
      <Select
        value={value === "" ? (emptyLabel ? NONE : "") : value}
        onValueChange={(next) => onValueChange(next === NONE ? "" : next)}
        disabled={disabled}
      >
        <FieldControl>
          <SelectTrigger className="w-full">
            <SelectValue placeholder={placeholder ?? "Choose…"} />
          </SelectTrigger>
        </FieldControl>
        <SelectContent>
          {emptyLabel ? <SelectItem value={NONE}>{emptyLabel}</SelectItem> : null}
          {options.map((option) => (
            <SelectItem key={option.value} value={option.value}>
              {option.label}
            </SelectItem>
          ))}
          {/* A value the list no longer offers (a picklist changed in Salesforce) still shows. */}
          {known ? null : <SelectItem value={value}>{value}</SelectItem>}
        </SelectContent>
      </Select>
      {description ? <FieldDescription>{description}</FieldDescription> : null}
      <FieldError errors={errors} />
    </Field>
  );
}
