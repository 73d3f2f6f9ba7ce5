"use client";

import { useState } from "react";
import type { TActivityTarget } from "@/server/records/write/activity-schemas";

/** What each composer form takes: the record it logs on, and what to do once saved or cancelled. */
export type TComposerFormProps = { on: TActivityTarget; onDone: () => void };

/**
 * A form's text fields as one state object, with a setter per field that also clears the field's
 * message (`errorKey` when the schema names the field differently).
 */
export function useFormValues<T extends Record<string, string>>(initial: T, clearError: (field: string) => void) {
  const [values, setValues] = useState(initial);
  const set =
    (field: keyof T & string, errorKey: string = field) =>
    (value: string) => {
      setValues((current) => ({ ...current, [field]: value }));
      clearError(errorKey);
    };
  return [values, set] as const;
}
