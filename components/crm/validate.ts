import type { z } from "zod";

/** What to fix, per field: the last part of each issue's path ("values.title" → "title"). */
export type TFieldErrors = Partial<Record<string, string[]>>;

/**
 * Checks a form's input with the schema the server parses it with, so the form says what to fix
 * before anything is sent.
 */
export function validate<TSchema extends z.ZodType>(
  schema: TSchema,
  input: unknown,
): { ok: true; data: z.output<TSchema> } | { ok: false; errors: TFieldErrors; formErrors: string[] } {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  const errors: TFieldErrors = {};
  const formErrors: string[] = [];
  for (const issue of result.error.issues) {
    const key = issue.path.at(-1);
    if (key === undefined) formErrors.push(issue.message);
    else (errors[String(key)] ??= []).push(issue.message);
  }
  return { ok: false, errors, formErrors };
}

/** The errors without the field being edited: its message goes once the rep changes it. */
export function withoutField(errors: TFieldErrors, field: string): TFieldErrors {
  if (!(field in errors)) return errors;
  const { [field]: _cleared, ...rest } = errors;
  return rest;
}

type TServerError = {
  message: string;
  data?: { zodError?: { fieldErrors: Record<string, string[] | undefined> } | null } | null;
} | null;

/** A failed save: the server's messages per field where it named one, else its sentence for the form. */
export function serverErrors(error: TServerError): { fields: TFieldErrors; form: string | undefined } {
  if (!error) return { fields: {}, form: undefined };
  return { fields: error.data?.zodError?.fieldErrors ?? {}, form: error.message };
}

/** Moves focus to the first field that says what to fix, once its message is on screen. */
export function focusFirstInvalid(form: HTMLElement | null) {
  requestAnimationFrame(() => {
    // A field's message has the id of its control plus "-error" (components/ui/form.tsx).
    const message = form?.querySelector<HTMLElement>('[data-slot="field-error"]');
    const control = message ? document.getElementById(message.id.replace(/-error$/, "")) : null;
    control?.focus();
  });
}
