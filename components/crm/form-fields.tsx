"use client";

import type { TFieldErrors } from "@/components/crm/validate";
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

/** A field's frame with its controlled value; `TProps` are the control's own props. */
type TControlledField<TProps> = TFieldFrame & { value: string; onValueChange: (value: string) => void } & TProps;

/** The label, the control, its description and the messages that say what to fix. */
function FieldFrame({ label, errors, description, className, children }: TFieldFrame & { children: React.ReactNode }) {
  return (
    <Field className={className}>
      <FieldLabel>{label}</FieldLabel>
      {children}
      {description ? <FieldDescription>{description}</FieldDescription> : null}
      <FieldError errors={errors} />
    </Field>
  );
}

/** A field's props split into its frame's and its control's. */
function splitFrame<T extends TFieldFrame>({ label, errors, description, className, ...control }: T) {
  return [{ label, errors, description, className }, control] as const;
}

type TTextFieldProps = TControlledField<Omit<React.ComponentProps<"input">, "value" | "onChange" | "className">>;

/** A labelled, controlled text input with its description and the messages that say what to fix. */
export function TextField(props: TTextFieldProps) {
  const [frame, { value, onValueChange, ...input }] = splitFrame(props);
  return (
    <FieldFrame {...frame}>
      <FieldControl>
        <Input autoComplete="off" value={value} onChange={(event) => onValueChange(event.target.value)} {...input} />
      </FieldControl>
    </FieldFrame>
  );
}

type TTextareaFieldProps = TControlledField<Omit<React.ComponentProps<"textarea">, "value" | "onChange" | "className">>;

export function TextareaField(props: TTextareaFieldProps) {
  const [frame, { value, onValueChange, ...textarea }] = splitFrame(props);
  return (
    <FieldFrame {...frame}>
      <FieldControl>
        <Textarea value={value} onChange={(event) => onValueChange(event.target.value)} {...textarea} />
      </FieldControl>
    </FieldFrame>
  );
}

// Radix Select reserves "" for "no value"; this stands for an optional field left empty.
const NONE = "__none__";

export type TSelectOption = { value: string; label: string };

type TSelectFieldProps = TControlledField<{
  options: readonly TSelectOption[];
  placeholder?: string;
  emptyLabel?: string;
  disabled?: boolean;
}>;

/**
 * A labelled select. With `emptyLabel` the field is optional and that entry clears it; the value
 * is then "".
 */
export function SelectField(props: TSelectFieldProps) {
  const [frame, { value, onValueChange, options, placeholder, emptyLabel, disabled }] = splitFrame(props);
  const known = value === "" || options.some((option) => option.value === value);
  return (
    <FieldFrame {...frame}>
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
    </FieldFrame>
  );
}

/** What a form's state binds to each field: its value, its messages and its setter. */
type TBound = "value" | "onValueChange" | "errors" | "className";

/**
 * A field of a form described as data: the value it edits (`name`), which control, and the
 * control's props. `errorKey` is the schema's name for the field when it differs; `wide` spans
 * both columns of a two-column grid; `value` shows instead of the stored text (a default the rep
 * has not changed).
 */
export type TFieldSpec<K extends string = string> = {
  name: K;
  errorKey?: string;
  wide?: boolean;
  value?: string;
} & (
  | ({ control?: "text" } & Omit<TTextFieldProps, TBound>)
  | ({ control: "textarea" } & Omit<TTextareaFieldProps, TBound>)
  | ({ control: "select" } & Omit<TSelectFieldProps, TBound>)
);

/** The state a list of fields is bound to: see `useCheckedForm`. */
export type TFieldsState<K extends string> = {
  values: Record<K, string>;
  errors: TFieldErrors;
  set: (field: K, errorKey?: string) => (value: string) => void;
};

/** Each field of the list, in order, bound to the form's values, messages and setters. */
export function FormFields<K extends string>({
  fields,
  form,
}: {
  fields: ReadonlyArray<TFieldSpec<K>>;
  form: TFieldsState<K>;
}) {
  return fields.map(({ name, errorKey = name, wide, value = form.values[name], ...spec }) => {
    const bound = {
      value,
      onValueChange: form.set(name, errorKey),
      errors: form.errors[errorKey],
      className: wide ? "sm:col-span-2" : undefined,
    };
    switch (spec.control) {
      case "select": {
        const { control: _select, ...props } = spec;
        return <SelectField key={name} {...bound} {...props} />;
      }
      case "textarea": {
        const { control: _textarea, ...props } = spec;
        return <TextareaField key={name} {...bound} {...props} />;
      }
      default: {
        const { control: _text, ...props } = spec;
        return <TextField key={name} {...bound} {...props} />;
      }
    }
  });
}
