"use client";

import { useRef, useState } from "react";
import type { z } from "zod";
import { focusFirstInvalid, serverErrors, type TFieldErrors, validate, withoutField } from "@/components/crm/validate";

/** The save a form drives: a tRPC mutation, or anything with its error, reset and pending state. */
type TSave = { error: Parameters<typeof serverErrors>[0]; reset: () => void; isPending: boolean };

/**
 * A form's text fields as one state object, with the messages that say what to fix: the form's
 * own, checked with the server's schema before anything is sent, and the server's for a failed
 * save. Each field's message goes as soon as the rep changes that field.
 */
export function useCheckedForm<T extends Record<string, string>>(initial: T | (() => T), save: TSave) {
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<TFieldErrors>({});
  const server = serverErrors(save.error);

  /** Clears these fields' messages. */
  function clearErrors(...fields: string[]) {
    setErrors((current) => fields.reduce(withoutField, current));
  }

  /** A setter for one field that also clears its message (`errorKey` when the schema names it differently). */
  const set =
    (field: keyof T & string, errorKey: string = field) =>
    (value: string) => {
      setValues((current) => ({ ...current, [field]: value }));
      clearErrors(errorKey);
    };

  /**
   * On submit: checks `input` with `schema`, plus `formErrors` (what the form itself found, such
   * as text in a number field). Returns the parsed input when there is nothing to fix; otherwise
   * shows the messages, moves focus to the first field that has one, and returns undefined.
   */
  function check<TSchema extends z.ZodType>(
    event: React.FormEvent<HTMLFormElement>,
    schema: TSchema,
    input: unknown,
    formErrors: TFieldErrors = {},
  ): z.output<TSchema> | undefined {
    event.preventDefault();
    save.reset();
    const checked = validate(schema, input);
    const next = { ...(checked.ok ? {} : checked.errors), ...formErrors };
    setErrors(next);
    if (checked.ok && Object.keys(next).length === 0) return checked.data;
    focusFirstInvalid(formRef.current);
    return undefined;
  }

  /** Clears the messages and the failed save; with `start`, the fields start over from it. */
  function reset(start?: T) {
    if (start) setValues(start);
    setErrors({});
    save.reset();
  }

  return {
    formRef,
    values,
    set,
    check,
    reset,
    clearErrors,
    errors: { ...server.fields, ...errors },
    formError: Object.keys(server.fields).length > 0 ? undefined : server.form,
    pending: save.isPending,
  };
}

export type TCheckedForm<T extends Record<string, string>> = ReturnType<typeof useCheckedForm<T>>;
