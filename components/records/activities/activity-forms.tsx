"use client";

import { isoToLocalDateTime, localDateTimeToIso, parseMinutes } from "@/components/crm/parse-input";
import { BODY_FIELD, ComposerForm, SUBJECT_FIELD, type TComposerFormProps } from "./composer-form";

export const CALL_OUTCOMES = ["Connected", "Left voicemail", "No answer", "Busy", "Wrong number"] as const;

export function CallForm(props: TComposerFormProps) {
  return (
    <ComposerForm
      {...props}
      kind="call"
      saveLabel="Log call"
      initial={{ subject: "", notes: "", duration: "", outcome: "" }}
      fields={[
        { name: "subject", label: "Subject", placeholder: "Call", wide: true, autoFocus: true },
        { name: "duration", errorKey: "durationMinutes", label: "Duration (minutes)", inputMode: "numeric" },
        {
          control: "select",
          name: "outcome",
          label: "Outcome",
          options: CALL_OUTCOMES.map((outcome) => ({ value: outcome, label: outcome })),
          emptyLabel: "Not set",
          placeholder: "Not set",
        },
        { control: "textarea", name: "notes", label: "Notes", wide: true },
      ]}
      toInput={(values, on) => ({
        kind: "call",
        on,
        subject: values.subject,
        notes: values.notes,
        durationMinutes: parseMinutes(values.duration),
        outcome: values.outcome,
      })}
      formErrors={(values) =>
        Number.isNaN(parseMinutes(values.duration))
          ? { durationMinutes: ["Enter the duration in whole minutes, like 15."] }
          : {}
      }
    />
  );
}

export function EmailForm(props: TComposerFormProps) {
  return (
    <ComposerForm
      {...props}
      kind="email"
      saveLabel="Log email"
      initial={{ subject: "", body: "" }}
      fields={[SUBJECT_FIELD, BODY_FIELD]}
      toInput={(values, on) => ({ kind: "email", on, subject: values.subject, body: values.body })}
    />
  );
}

/** The next whole hour, and half an hour later: a meeting's likely slot. */
function nextSlot(): { start: string; end: string } {
  const start = new Date();
  start.setMinutes(0, 0, 0);
  start.setHours(start.getHours() + 1);
  return { start: isoToLocalDateTime(start.getTime()), end: isoToLocalDateTime(start.getTime() + 30 * 60_000) };
}

export function MeetingForm(props: TComposerFormProps) {
  return (
    <ComposerForm
      {...props}
      kind="meeting"
      saveLabel="Schedule meeting"
      initial={() => ({ subject: "", location: "", ...nextSlot() })}
      fields={[
        SUBJECT_FIELD,
        { name: "start", label: "Start", type: "datetime-local", required: true },
        { name: "end", label: "End", type: "datetime-local", required: true },
        { name: "location", label: "Location", wide: true },
      ]}
      toInput={(values, on) => ({
        kind: "meeting",
        on,
        subject: values.subject,
        start: localDateTimeToIso(values.start),
        end: localDateTimeToIso(values.end),
        location: values.location,
      })}
    />
  );
}

export function NoteForm(props: TComposerFormProps) {
  return (
    <ComposerForm
      {...props}
      kind="note"
      saveLabel="Add note"
      initial={{ title: "", body: "" }}
      fields={[{ ...SUBJECT_FIELD, name: "title", label: "Title" }, BODY_FIELD]}
      toInput={(values, on) => ({ kind: "note", on, title: values.title, body: values.body })}
    />
  );
}
