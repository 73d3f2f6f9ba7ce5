import "server-only";
import { and, desc, eq, lt, or } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { activityLog } from "@/db/schema";
import { AppError } from "@/server/errors";
import { getPullVisibility } from "@/server/settings/pull-visibility";
import { fieldChangesOf } from "./activity-changes";
import { type TActivityInput, type TActivityPage, ZActivityInputSchema } from "./activity-schemas";
import { salesforceObjectOf } from "./record-object";

/**
 * A record's activity log (DUP-2), newest first, a page at a time. Walks
 * activity_log_record_idx (record_type, record_id, at) backwards; the id breaks ties in `at`.
 */
export async function listActivity(db: TDatabase, rawInput: TActivityInput): Promise<TActivityPage> {
  const input = ZActivityInputSchema.parse(rawInput);
  const [object, visibility] = await Promise.all([salesforceObjectOf(db, input.type, input.id), getPullVisibility(db)]);
  if (!object) throw new AppError("NOT_FOUND", `No ${input.type} has this id.`);
  // PULL-2: a hidden record's history is hidden with it.
  if (!visibility[object]) return { entries: [], nextCursor: null, hidden: true };
  const [cursorAt, cursorId] = input.cursor ? input.cursor.split(":").map(Number) : [];
  const rows = await db
    .select()
    .from(activityLog)
    .where(
      and(
        eq(activityLog.recordType, input.type),
        eq(activityLog.recordId, input.id),
        cursorAt === undefined || cursorId === undefined
          ? undefined
          : or(lt(activityLog.at, cursorAt), and(eq(activityLog.at, cursorAt), lt(activityLog.id, cursorId))),
      ),
    )
    .orderBy(desc(activityLog.at), desc(activityLog.id))
    // One more than asked tells whether another page exists without a COUNT.
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    entries: page.map((row) => ({
      id: row.id,
      at: row.at,
      event: row.event,
      message: row.message,
      changes: fieldChangesOf(row.details ?? null),
    })),
    nextCursor: rows.length > input.limit && last ? `${last.at}:${last.id}` : null,
    hidden: false,
  };
}
