import { z } from "zod";
import { ACTIVITY_KINDS, PUSH_STATES } from "@/server/sync/core/push-kinds";
import { CRM_RECORD_TYPES } from "@/server/sync/core/sync-objects";
import { dateText, optionalText, recordId, requiredText, SALESFORCE_LENGTHS as MAX } from "./input-fields";

/** Salesforce's standard Task picklists. */
export const TASK_PRIORITIES = ["High", "Normal", "Low"] as const;
export const TASK_STATUSES = [
  "Not Started",
  "In Progress",
  "Completed",
  "Waiting on someone else",
  "Deferred",
] as const;

/** The one record an activity is logged on. */
export const ZActivityTargetSchema = z.object({
  type: z.enum(CRM_RECORD_TYPES, { error: 'Log it on a "person", an "account" or an "opportunity".' }),
  id: recordId("record"),
});
export type TActivityTarget = z.infer<typeof ZActivityTargetSchema>;

const body = optionalText("text", MAX.body);
const dateTime = (label: string) =>
  z.iso.datetime({ offset: true, error: `Enter the ${label} as a date and time, like 2026-03-31T14:00:00Z.` });

/**
 * What a rep logs on a profile. Calls and emails are done when logged; a task may be given an
 * owner among the org's users (form.options), else it gets the creator's owner (owner.preview).
 */
export const ZLogActivitySchema = z
  .discriminatedUnion(
    "kind",
    [
      z.object({
        kind: z.literal("call"),
        on: ZActivityTargetSchema,
        subject: optionalText("subject", MAX.subject),
        notes: body,
        durationMinutes: z.number().int().min(0).max(1440, { error: "A call lasts at most 1440 minutes." }).optional(),
        durationSeconds: z
          .number()
          .int()
          .min(0)
          .max(86_400, { error: "A call lasts at most 86400 seconds." })
          .optional(),
        outcome: optionalText("outcome", MAX.callOutcome),
      }),
      z.object({
        kind: z.literal("email"),
        on: ZActivityTargetSchema,
        subject: requiredText("subject", MAX.subject),
        body,
      }),
      z.object({
        kind: z.literal("task"),
        on: ZActivityTargetSchema,
        subject: requiredText("subject", MAX.subject),
        dueDate: dateText("due date").optional(),
        priority: z
          .enum(TASK_PRIORITIES, { error: `Choose a priority: ${TASK_PRIORITIES.join(", ")}.` })
          .default("Normal"),
        status: z
          .enum(TASK_STATUSES, { error: `Choose a status: ${TASK_STATUSES.join(", ")}.` })
          .default("Not Started"),
        ownerSfId: z.string().trim().min(1).max(18, { error: "Choose the owner from the list." }).optional(),
      }),
      z.object({
        kind: z.literal("meeting"),
        on: ZActivityTargetSchema,
        subject: requiredText("subject", MAX.subject),
        start: dateTime("start"),
        end: dateTime("end"),
        location: optionalText("location", MAX.location),
      }),
      z.object({
        kind: z.literal("note"),
        on: ZActivityTargetSchema,
        title: requiredText("title", MAX.subject),
        body,
      }),
    ],
    { error: `Choose what to log: ${ACTIVITY_KINDS.join(", ")}.` },
  )
  .superRefine((value, ctx) => {
    if (value.kind === "call" && value.durationMinutes !== undefined && value.durationSeconds !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["durationSeconds"],
        message: "Give the duration in minutes or in seconds, not both.",
      });
    }
    if (value.kind === "meeting" && Date.parse(value.end) <= Date.parse(value.start)) {
      ctx.addIssue({ code: "custom", path: ["end"], message: "The meeting must end after it starts." });
    }
  });
export type TLogActivityInput = z.input<typeof ZLogActivitySchema>;
export type TLogActivity = z.output<typeof ZLogActivitySchema>;

export const ZCompleteTaskSchema = z.object({ id: recordId("task") });
export type TCompleteTaskInput = z.input<typeof ZCompleteTaskSchema>;

/** An activity as a profile's timeline shows it, with its sync state and open push error. */
export const ZActivitySchema = z.object({
  id: z.string(),
  kind: z.enum(ACTIVITY_KINDS),
  subject: z.string(),
  body: z.string().nullable(),
  dueDate: z.string().nullable(),
  priority: z.string().nullable(),
  status: z.string().nullable(),
  callDurationSeconds: z.number().nullable(),
  callOutcome: z.string().nullable(),
  startAt: z.string().nullable(),
  endAt: z.string().nullable(),
  location: z.string().nullable(),
  personId: z.string().nullable(),
  accountId: z.string().nullable(),
  opportunityId: z.string().nullable(),
  ownerSfId: z.string().nullable(),
  ownerName: z.string().nullable(),
  /** Task, Event, ContentNote or Note. */
  sfObject: z.string().nullable(),
  sfId: z.string().nullable(),
  pushState: z.enum(PUSH_STATES),
  completedAt: z.number().nullable(),
  createdAt: z.number(),
  createdBy: z.string().nullable(),
  /** The open (or retrying) push error: what Salesforce said, with its code. */
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type TActivity = z.infer<typeof ZActivitySchema>;

/** "<createdAt>:<id>" of the last activity shown; the next page starts strictly after it. */
export const ZActivityListInputSchema = z.object({
  on: ZActivityTargetSchema,
  cursor: z
    .string()
    .regex(/^\d{1,16}:[0-9a-f-]{1,64}$/, { error: "cursor must look like <createdAt>:<id>." })
    .nullish(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type TActivityListInput = z.input<typeof ZActivityListInputSchema>;

export const ZActivityListSchema = z.object({
  activities: z.array(ZActivitySchema),
  nextCursor: z.string().nullable(),
});
export type TActivityList = z.infer<typeof ZActivityListSchema>;
