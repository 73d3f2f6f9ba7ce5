"use client";

import { Button } from "@/components/ui/button";
import { DialogFooter } from "@/components/ui/dialog";
import { FormMessage } from "@/components/ui/form";
import { Spinner } from "@/components/ui/spinner";
import type { TCheckedForm } from "./use-checked-form";

/** Cancel, then the form's own action: in a dialog's footer, or in a row of their own. */
export function FormActions({
  onCancel,
  inDialog = true,
  children,
}: {
  onCancel: () => void;
  inDialog?: boolean;
  children: React.ReactNode;
}) {
  const buttons = (
    <>
      <Button type="button" variant="outline" onClick={onCancel}>
        Cancel
      </Button>
      {children}
    </>
  );
  if (inDialog) return <DialogFooter>{buttons}</DialogFooter>;
  return <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">{buttons}</div>;
}

/**
 * A form driven by `useCheckedForm`: the banner for a failed save that names no field, the
 * fields, then Cancel and the submit button, which shows it is saving.
 */
export function CheckedForm({
  form: { formRef, formError, pending },
  onSubmit,
  submitLabel,
  onCancel,
  inDialog,
  children,
}: {
  form: Pick<TCheckedForm<Record<string, string>>, "formRef" | "formError" | "pending">;
  onSubmit: (event: React.FormEvent<HTMLFormElement>) => void;
  submitLabel: React.ReactNode;
  onCancel: () => void;
  inDialog?: boolean;
  children: React.ReactNode;
}) {
  return (
    <form ref={formRef} onSubmit={onSubmit} className="grid gap-4" noValidate>
      <FormMessage>{formError}</FormMessage>
      {children}
      <FormActions onCancel={onCancel} inDialog={inDialog}>
        <Button type="submit" pending={pending}>
          {pending ? <Spinner label="Saving" /> : null}
          {submitLabel}
        </Button>
      </FormActions>
    </form>
  );
}
