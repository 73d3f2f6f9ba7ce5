"use client";

import { CheckedForm } from "@/components/crm/checked-form";
import { FormFields, type TFieldSpec } from "@/components/crm/form-fields";
import { OwnerLine } from "@/components/crm/owner-line";
import type { TFieldErrors } from "@/components/crm/validate";
import type { TActivityTarget, TLogActivityInput } from "@/server/records/write/activity-schemas";
import { activityPushKind, type TActivityKind } from "@/server/sync/core/push-kinds";
import { useLogActivity } from "./use-log-activity";

/** What each composer form takes: the record it logs on, and what to do once saved or cancelled. */
export type TComposerFormProps = { on: TActivityTarget; onDone: () => void };

type TValues = Record<string, string>;

/** The subject most kinds start with. */
export const SUBJECT_FIELD = {
  name: "subject",
  label: "Subject",
  wide: true,
  required: true,
  autoFocus: true,
} as const satisfies TFieldSpec<"subject">;

export const BODY_FIELD = {
  control: "textarea",
  name: "body",
  label: "Body",
  wide: true,
} as const satisfies TFieldSpec<"body">;

/**
 * One kind's composer form, built from its fields: its error banner, the fields, the owner line
 * and Cancel / Save. `toInput` turns the fields' text into what is logged; `formErrors` says what
 * the form itself finds wrong with it, beside the schema's messages.
 */
export function ComposerForm<T extends TValues>({
  on,
  onDone,
  kind,
  initial,
  fields,
  toInput,
  formErrors,
  saveLabel,
  showOwner = true,
}: TComposerFormProps & {
  kind: TActivityKind;
  initial: T | (() => T);
  /** The fields in order; a function when they depend on what the rep has entered. */
  fields: ReadonlyArray<TFieldSpec<keyof T & string>> | ((values: T) => ReadonlyArray<TFieldSpec<keyof T & string>>);
  toInput: (values: T, on: TActivityTarget) => TLogActivityInput;
  formErrors?: (values: T) => TFieldErrors;
  saveLabel: string;
  showOwner?: boolean;
}) {
  const form = useLogActivity(on, onDone, initial);
  return (
    <CheckedForm
      form={form}
      onSubmit={(event) => form.submit(event, toInput(form.values, on), formErrors?.(form.values))}
      submitLabel={saveLabel}
      onCancel={onDone}
      inDialog={false}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <FormFields fields={typeof fields === "function" ? fields(form.values) : fields} form={form} />
      </div>
      <OwnerLine kind={activityPushKind(kind)} showOwner={showOwner} />
    </CheckedForm>
  );
}
