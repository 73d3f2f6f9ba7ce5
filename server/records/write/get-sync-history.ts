import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { TDatabase } from "@/db/client";
import { activityLog, pushErrors } from "@/db/schema";
import { AppError } from "@/server/errors";
import { visibleTo } from "@/server/push-errors/error-scope";
import type { TErrorViewer } from "@/server/push-errors/push-error-schemas";
import type { TActivityEvent } from "@/server/sync/core/activity-events";
import { pushErrorHint } from "@/server/sync/core/push-error-hints";
import { PUSH_ERROR_STATES, PUSH_OPERATIONS, PUSH_STATES } from "@/server/sync/core/push-kinds";
import { CRM_TABLES } from "@/server/sync/pull/crm-tables";
import { ZRecordSourceSchema, ZRecordTypeSchema } from "../record-schemas";

/** The activity log events that say what Tandem wrote to Salesforce for a record, and how it went. */
export const SYNC_HISTORY_EVENTS = [
  "created-in-tandem",
  "edited-in-tandem",
  "added-to-crm",
  "pushed-create",
  "pushed-update",
  "push-failed",
  "push-resolved",
  "linked-by-pull",
  "field-written",
  "field-reverted",
] as const satisfies readonly TActivityEvent[];

/** Entries and errors shown, each newest first; a record pushed more often than this shows its latest. */
export const SYNC_HISTORY_LIMIT = 100;

export const ZSyncHistoryInputSchema = z.object({
  type: ZRecordTypeSchema,
  id: z.string().trim().min(1, { error: "Say which record: its id is missing." }).max(100),
});
export type TSyncHistoryInput = z.input<typeof ZSyncHistoryInputSchema>;

export const ZSyncHistorySchema = z.object({
  /** Where the record came from: a pulled record Tandem never wrote to has no history here. */
  source: ZRecordSourceSchema,
  /** Null for a record Tandem never wrote (PUSH-2's states otherwise). */
  pushState: z.enum(PUSH_STATES).nullable(),
  entries: z.array(
    z.object({
      id: z.number().int(),
      at: z.number(),
      event: z.enum(SYNC_HISTORY_EVENTS),
      message: z.string(),
    }),
  ),
  /** ERR-2: the record's push errors, whatever their state, with the fix in plain words. */
  errors: z.array(
    z.object({
      id: z.string(),
      object: z.string(),
      operation: z.enum(PUSH_OPERATIONS),
      code: z.string(),
      message: z.string(),
      fields: z.array(z.string()),
      state: z.enum(PUSH_ERROR_STATES),
      attempts: z.number().int(),
      firstAt: z.number(),
      lastAt: z.number(),
      resolvedAt: z.number().nullable(),
      hint: z.object({ summary: z.string(), fix: z.string() }),
    }),
  ),
});
export type TSyncHistory = z.infer<typeof ZSyncHistorySchema>;

/**
 * ERR-2: what Tandem pushed for one record and what Salesforce refused, newest first: its sync
 * events from the activity log and its push errors, one query each beside the record's own row.
 * The errors are those the error log shows `viewer` (ERR-1: a member sees their own records').
 */
export async function getSyncHistory(
  db: TDatabase,
  viewer: TErrorViewer,
  rawInput: TSyncHistoryInput,
): Promise<TSyncHistory> {
  const input = ZSyncHistoryInputSchema.parse(rawInput);
  const table = CRM_TABLES[input.type];
  const [record, entries, errors] = await Promise.all([
    db.select({ source: table.source, pushState: table.pushState }).from(table).where(eq(table.id, input.id)).get(),
    db
      .select({ id: activityLog.id, at: activityLog.at, event: activityLog.event, message: activityLog.message })
      .from(activityLog)
      .where(
        and(
          eq(activityLog.recordType, input.type),
          eq(activityLog.recordId, input.id),
          inArray(activityLog.event, SYNC_HISTORY_EVENTS),
        ),
      )
      .orderBy(desc(activityLog.at), desc(activityLog.id))
      .limit(SYNC_HISTORY_LIMIT),
    db
      .select()
      .from(pushErrors)
      .where(and(eq(pushErrors.recordType, input.type), eq(pushErrors.recordId, input.id), visibleTo(viewer)))
      .orderBy(desc(pushErrors.lastAt), desc(pushErrors.id))
      .limit(SYNC_HISTORY_LIMIT),
  ]);
  if (!record) throw new AppError("NOT_FOUND", `No ${input.type} has this id. Open its page again.`);
  return {
    source: record.source,
    pushState: record.pushState,
    entries: entries.flatMap((entry) => (isSyncEvent(entry.event) ? [{ ...entry, event: entry.event }] : [])),
    errors: errors.map((error) => {
      const { summary, fix } = pushErrorHint({
        code: error.code,
        message: error.message,
        fields: error.fields,
        object: error.object,
        duplicates: error.duplicates?.length,
      });
      return {
        id: error.id,
        object: error.object,
        operation: error.operation,
        code: error.code,
        message: error.message,
        fields: error.fields,
        state: error.state,
        attempts: error.attempts,
        firstAt: error.firstAt,
        lastAt: error.lastAt,
        resolvedAt: error.resolvedAt,
        hint: { summary, fix },
      };
    }),
  };
}

function isSyncEvent(event: TActivityEvent): event is (typeof SYNC_HISTORY_EVENTS)[number] {
  return (SYNC_HISTORY_EVENTS as readonly TActivityEvent[]).includes(event);
}
