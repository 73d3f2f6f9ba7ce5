import "server-only";
import type { TDatabase } from "@/db/client";
import { crmActivities } from "@/db/schema";
import { toStatement } from "@/db/statements";
import { AppError } from "@/server/errors";
import { newId } from "@/server/ids";
import { activitySalesforceObject } from "@/server/sync/core/push-fields";
import { activityPushKind, type TActivityKind } from "@/server/sync/core/push-kinds";
import { enqueuePushStatement } from "@/server/sync/push/enqueue";
import { type TActivity, type TLogActivity, type TLogActivityInput, ZLogActivitySchema } from "./activity-schemas";
import { resolveActivityTarget } from "./activity-target";
import { SALESFORCE_LENGTHS } from "./input-fields";
import { createdEntry, createPush } from "./new-records";
import { toActivityDto } from "./to-activity-dto";
import {
  activityStatement,
  commitWrite,
  dayOf,
  loadWriteContext,
  pushStateOfCreate,
  type TWriteContext,
  type TWriteUser,
} from "./write-context";

const LOGGED: Record<TActivityKind, string> = {
  call: "Call logged",
  email: "Email logged",
  task: "Task created",
  meeting: "Meeting scheduled",
  note: "Note added",
};

/**
 * Logs a call or an email, creates a task, schedules a meeting or adds a note on one person,
 * account or opportunity: the activity, its activity log entry and its outbox row in one batch
 * (PUSH-2). Calls and emails are done when logged.
 */
export async function logActivity(
  db: TDatabase,
  rawInput: TLogActivityInput,
  user: TWriteUser,
  now: number,
): Promise<TActivity> {
  const input = ZLogActivitySchema.parse(rawInput);
  const [context, links] = await Promise.all([loadWriteContext(db, user), resolveActivityTarget(db, input.on)]);
  const sfObject = activitySalesforceObject(input.kind, context.pushInfo?.enhancedNotes ?? true);
  const columns = kindColumns(input, now);
  if (sfObject === "Note" && columns.subject.length > SALESFORCE_LENGTHS.classicNoteTitle) {
    throw new AppError(
      "BAD_REQUEST",
      `Use at most ${SALESFORCE_LENGTHS.classicNoteTitle} characters for the title: this Salesforce org keeps classic notes.`,
    );
  }
  const owner = input.kind === "task" && input.ownerSfId ? chosenOwner(context, input.ownerSfId) : context.owner;
  const kind = activityPushKind(input.kind);
  const pushState = pushStateOfCreate(context.push, kind);
  const row = {
    id: newId(now),
    kind: input.kind,
    ...links,
    ...columns,
    ownerSfId: owner.sfId,
    ownerName: owner.name,
    sfObject,
    sfId: null,
    sfLinkId: null,
    pushState,
    createdBy: user.id,
    createdAt: now,
    updatedAt: now,
  } satisfies typeof crmActivities.$inferInsert;
  const record = { recordType: "activity", recordId: row.id, kind, pushState } as const;
  await commitWrite(db, [
    toStatement(db.insert(crmActivities).values(row)),
    activityStatement(
      db,
      createdEntry(record, "created-in-tandem", `${LOGGED[input.kind]} in Tandem by ${user.name}.`, now),
    ),
    enqueuePushStatement(createPush("activity", row.id, kind, user, now)),
  ]);
  return toActivityDto(row);
}

/** The columns each kind fills; the others stay empty. */
function kindColumns(input: TLogActivity, now: number) {
  const empty = {
    body: null,
    dueDate: null,
    priority: null,
    status: null,
    callDurationSeconds: null,
    callOutcome: null,
    startAt: null,
    endAt: null,
    location: null,
    completedAt: null,
  };
  // Calls and emails happened already: a completed Task dated today.
  const done = { dueDate: dayOf(now), priority: "Normal", status: "Completed", completedAt: now };
  switch (input.kind) {
    case "call":
      return {
        ...empty,
        ...done,
        subject: input.subject ?? "Call",
        body: input.notes ?? null,
        callDurationSeconds:
          input.durationSeconds ?? (input.durationMinutes === undefined ? null : input.durationMinutes * 60),
        callOutcome: input.outcome ?? null,
      };
    case "email":
      return { ...empty, ...done, subject: input.subject, body: input.body ?? null };
    case "task":
      return {
        ...empty,
        subject: input.subject,
        dueDate: input.dueDate ?? null,
        priority: input.priority,
        status: input.status,
        completedAt: input.status === "Completed" ? now : null,
      };
    case "meeting":
      return {
        ...empty,
        subject: input.subject,
        // Stored in UTC, whatever offset the form sent.
        startAt: new Date(input.start).toISOString(),
        endAt: new Date(input.end).toISOString(),
        location: input.location ?? null,
      };
    case "note":
      return { ...empty, subject: input.title, body: input.body ?? null };
  }
}

/** A task's owner picked in the form: one of the org's users (form.options). */
function chosenOwner(context: TWriteContext, ownerSfId: string): { sfId: string; name: string } {
  if (ownerSfId === context.owner.sfId) return { sfId: ownerSfId, name: context.owner.name ?? ownerSfId };
  const user = context.pushInfo?.users.find((candidate) => candidate.id === ownerSfId);
  if (!user) {
    throw new AppError(
      "BAD_REQUEST",
      context.pushInfo
        ? "The chosen owner is not an active user in Salesforce. Choose the owner from the list."
        : "Salesforce's users are not known yet (push settings have not checked the org), so the task can only get the default owner.",
    );
  }
  return { sfId: user.id, name: user.name };
}
