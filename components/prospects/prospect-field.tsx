"use client";

import { Field, FieldControl, FieldError, FieldLabel } from "@/components/ui/form";
import { Input } from "@/components/ui/input";

/** One labelled text input of the add-prospect form, with its server-side errors. */
export function ProspectField({
  name,
  label,
  errors,
  className,
  ...props
}: { name: string; label: string; errors?: string[]; className?: string } & Omit<
  React.ComponentProps<"input">,
  "name" | "className"
>) {
  return (
    <Field className={className}>
      <FieldLabel>{label}</FieldLabel>
      <FieldControl>
        <Input name={name} autoComplete="off" {...props} />
      </FieldControl>
      <FieldError errors={errors} />
    </Field>
  );
}
