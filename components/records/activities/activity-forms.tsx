"use client";

import { SelectField, TextareaField, TextField } from "@/components/crm/form-fields";
import { isoToLocalDateTime, localDateTimeToIso, parseMinutes } from "@/components/crm/parse-input";
import { ComposerForm } from "./composer-form";
import { type TComposerFormProps, useFormValues } from "./use-form-values";
import { useLogActivity } from "./use-log-activity";

export const CALL_OUTCOMES = ["Connected", "Left voicemail", "No answer", "Busy", "Wrong number"] as const;

export function CallForm({ on, onDone }: TComposerFormProps) {
  const form = useLogActivity(on, onDone);
  const [values, set] = useFormValues({ subject: "", notes: "", duration: "", outcome: "" }, form.clearError);
  return (
    <ComposerForm
      kind="call"
      formRef={form.formRef}
      formError={form.formError}
      pending={form.pending}
      saveLabel="Log call"
      onCancel={onDone}
      onSubmit={(event) => {
        const durationMinutes = parseMinutes(values.duration);
        form.submit(
          event,
          { kind: "call", on, subject: values.subject, notes: values.notes, durationMinutes, outcome: values.outcome },
          Number.isNaN(durationMinutes) ? { durationMinutes: ["Enter the duration in whole minutes, like 15."] } : {},
        );
      }}
    >
      <TextField
        label="Subject"
        placeholder="Call"
        value={values.subject}
        onValueChange={set("subject")}
        errors={form.errors.subject}
        className="sm:col-span-2"
        autoFocus
      />
      <TextField
        label="Duration (minutes)"
        inputMode="numeric"
        value={values.duration}
        onValueChange={set("duration", "durationMinutes")}
        errors={form.errors.durationMinutes}
      />
      <SelectField
        label="Outcome"
        value={values.outcome}
        onValueChange={set("outcome")}
        options={CALL_OUTCOMES.map((outcome) => ({ value: outcome, label: outcome }))}
        emptyLabel="Not set"
        placeholder="Not set"
        errors={form.errors.outcome}
      />
      <TextareaField
        label="Notes"
        value={values.notes}
        onValueChange={set("notes")}
        errors={form.errors.notes}
        className="sm:col-span-2"
      />
    </ComposerForm>
  );
}

export function EmailForm({ on, onDone }: TComposerFormProps) {
  const form = useLogActivity(on, onDone);
  const [values, set] = useFormValues({ subject: "", body: "" }, form.clearError);
  return (
    <ComposerForm
      kind="email"
      formRef={form.formRef}
      formError={form.formError}
      pending={form.pending}
      saveLabel="Log email"
      onCancel={onDone}
      onSubmit={(event) => form.submit(event, { kind: "email", on, subject: values.subject, body: values.body })}
    >
      <TextField
        label="Subject"
        value={values.subject}
        onValueChange={set("subject")}
        errors={form.errors.subject}
        className="sm:col-span-2"
        required
        autoFocus
      />
      <TextareaField
        label="Body"
        value={values.body}
        onValueChange={set("body")}
        errors={form.errors.body}
        className="sm:col-span-2"
      />
    </ComposerForm>
  );
}

/** The next whole hour, and half an hour later: a meeting's likely slot. */
function nextSlot(): { start: string; end: string } {
  const start = new Date();
  start.setMinutes(0, 0, 0);
  start.setHours(start.getHours() + 1);
  return { start: isoToLocalDateTime(start.getTime()), end: isoToLocalDateTime(start.getTime() + 30 * 60_000) };
}

export function MeetingForm({ on, onDone }: TComposerFormProps) {
  const form = useLogActivity(on, onDone);
  const [values, set] = useFormValues({ subject: "", location: "", ...nextSlot() }, form.clearError);
  return (
    <ComposerForm
      kind="meeting"
      formRef={form.formRef}
      formError={form.formError}
      pending={form.pending}
      saveLabel="Schedule meeting"
      onCancel={onDone}
      onSubmit={(event) =>
        form.submit(event, {
          kind: "meeting",
          on,
          subject: values.subject,
          start: localDateTimeToIso(values.start),
          end: localDateTimeToIso(values.end),
          location: values.location,
        })
      }
    >
      <TextField
        label="Subject"
        value={values.subject}
        onValueChange={set("subject")}
        errors={form.errors.subject}
        className="sm:col-span-2"
        required
        autoFocus
      />
      <TextField
        label="Start"
        type="datetime-local"
        value={values.start}
        onValueChange={set("start")}
        errors={form.errors.start}
        required
      />
      <TextField
        label="End"
        type="datetime-local"
        value={values.end}
        onValueChange={set("end")}
        errors={form.errors.end}
        required
      />
      <TextField
        label="Location"
        value={values.location}
        onValueChange={set("location")}
        errors={form.errors.location}
        className="sm:col-span-2"
      />
    </ComposerForm>
  );
}

export function NoteForm({ on, onDone }: TComposerFormProps) {
  const form = useLogActivity(on, onDone);
  const [values, set] = useFormValues({ title: "", body: "" }, form.clearError);
  return (
    <ComposerForm
      kind="note"
      formRef={form.formRef}
      formError={form.formError}
      pending={form.pending}
      saveLabel="Add note"
      onCancel={onDone}
      onSubmit={(event) => form.submit(event, { kind: "note", on, title: values.title, body: values.body })}
    >
      <TextField
        label="Title"
        value={values.title}
        onValueChange={set("title")}
        errors={form.errors.title}
        className="sm:col-span-2"
        required
        autoFocus
      />
      <TextareaField
        label="Body"
        value={values.body}
        onValueChange={set("body")}
        errors={form.errors.body}
        className="sm:col-span-2"
      />
    </ComposerForm>
  );
}
