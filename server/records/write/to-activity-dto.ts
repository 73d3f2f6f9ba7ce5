import "server-only";
import type { crmActivities } from "@/db/schema";
import type { TActivity } from "./activity-schemas";

export type TActivityRow = typeof crmActivities.$inferSelect;

/** What the UI sees of an activity: no database type crosses into pages. */
export function toActivityDto(row: TActivityRow, error: TActivity["error"] = null): TActivity {
  return {
    id: row.id,
    kind: row.kind,
    subject: row.subject,
    body: row.body,
    dueDate: row.dueDate,
    priority: row.priority,
    status: row.status,
    callDurationSeconds: row.callDurationSeconds,
    callOutcome: row.callOutcome,
    startAt: row.startAt,
    endAt: row.endAt,
    location: row.location,
    personId: row.personId,
    accountId: row.accountId,
    opportunityId: row.opportunityId,
    ownerSfId: row.ownerSfId,
    ownerName: row.ownerName,
    sfObject: row.sfObject,
    sfId: row.sfId,
    pushState: row.pushState,
    completedAt: row.completedAt,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    error,
  };
}
