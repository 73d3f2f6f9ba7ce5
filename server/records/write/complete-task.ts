import "server-only";
import { eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { crmActivities } from "@/db/schema";
import { toStatement } from "@/db/statements";
import { AppError } from "@/server/errors";
import { activityPushKind } from "@/server/sync/core/push-kinds";
import { enqueuePushStatement, retryingErrorsStatement } from "@/server/sync/push/enqueue";
import { type TActivity, type TCompleteTaskInput, ZCompleteTaskSchema } from "./activity-schemas";
import { editOperation } from "./edit-operation";
import { toActivityDto } from "./to-activity-dto";
import { activityStatement, commitWrite, loadWriteContext, pushStateOfEdit, type TWriteUser } from "./write-context";

/**
 * Marks a task done: Status "Completed" in Tandem and, queued as an update of that one field, in
 * Salesforce. A task already completed is left as it is.
 */
export async function completeTask(
  db: TDatabase,
  rawInput: TCompleteTaskInput,
  user: TWriteUser,
  now: number,
): Promise<TActivity> {
  const { id } = ZCompleteTaskSchema.parse(rawInput);
  const [context, task] = await Promise.all([
    loadWriteContext(db, user),
    db.select().from(crmActivities).where(eq(crmActivities.id, id)).get(),
  ]);
  if (!task) throw new AppError("NOT_FOUND", "No task has this id. Reload the timeline and retry.");
  if (task.kind !== "task") {
    throw new AppError("BAD_REQUEST", `Only tasks can be completed; this is a ${task.kind}, done when it was logged.`);
  }
  if (task.status === "Completed") return toActivityDto(task);

  const kind = activityPushKind(task.kind);
  const pushState = pushStateOfEdit(context.push, kind, task) ?? "local";
  const operation = await editOperation(db, "activity", task);
  const completed = { ...task, status: "Completed", completedAt: now, pushState, updatedAt: now };
  await commitWrite(db, [
    toStatement(
      db
        .update(crmActivities)
        .set({ status: completed.status, completedAt: now, pushState, updatedAt: now })
        .where(eq(crmActivities.id, id)),
    ),
    activityStatement(db, {
      recordType: "activity",
      recordId: id,
      at: now,
      event: "edited-in-tandem",
      message: `Completed in Tandem by ${user.name}.`,
      details: { changes: [{ field: "Status", from: task.status, to: completed.status }] },
    }),
    enqueuePushStatement({
      recordType: "activity",
      recordId: id,
      kind,
      operation,
      fields: ["Status"],
      priority: 1,
      createdBy: user.id,
      now,
    }),
    retryingErrorsStatement("activity", id, now),
  ]);
  return toActivityDto(completed);
}
