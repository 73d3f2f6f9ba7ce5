import "server-only";
import { and, desc, eq, inArray, lt, or } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { crmActivities, pushErrors } from "@/db/schema";
import { AppError } from "@/server/errors";
import { salesforceObjectOf } from "../record-object";
import { type TActivityList, type TActivityListInput, ZActivityListInputSchema } from "./activity-schemas";
import { toActivityDto } from "./to-activity-dto";

/**
 * A profile's timeline: the activities logged on the record (an account's include those of its
 * contacts and opportunities), newest first, a page at a time, each with its push state and, when
 * a push failed, Salesforce's message (ERR-2).
 */
export async function listActivities(db: TDatabase, rawInput: TActivityListInput): Promise<TActivityList> {
  const input = ZActivityListInputSchema.parse(rawInput);
  if (!(await salesforceObjectOf(db, input.on.type, input.on.id))) {
    throw new AppError("NOT_FOUND", `No ${input.on.type} has this id. Open its page again.`);
  }
  const column = {
    person: crmActivities.personId,
    account: crmActivities.accountId,
    opportunity: crmActivities.opportunityId,
  }[input.on.type];
  const separator = input.cursor ? input.cursor.indexOf(":") : -1;
  const cursor = input.cursor
    ? { at: Number(input.cursor.slice(0, separator)), id: input.cursor.slice(separator + 1) }
    : null;
  const rows = await db
    .select()
    .from(crmActivities)
    .where(
      and(
        eq(column, input.on.id),
        cursor
          ? or(
              lt(crmActivities.createdAt, cursor.at),
              and(eq(crmActivities.createdAt, cursor.at), lt(crmActivities.id, cursor.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(crmActivities.createdAt), desc(crmActivities.id))
    // One more than asked tells whether another page exists without a COUNT.
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const errors = await openErrors(
    db,
    page.filter((row) => row.pushState === "failed" || row.pushState === "pending").map((row) => row.id),
  );
  const last = page.at(-1);
  return {
    activities: page.map((row) => toActivityDto(row, errors.get(row.id) ?? null)),
    nextCursor: rows.length > input.limit && last ? `${last.createdAt}:${last.id}` : null,
  };
}

/** The latest open or retrying push error of each activity. */
async function openErrors(db: TDatabase, ids: string[]): Promise<Map<string, { code: string; message: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ recordId: pushErrors.recordId, code: pushErrors.code, message: pushErrors.message })
    .from(pushErrors)
    .where(
      and(
        eq(pushErrors.recordType, "activity"),
        inArray(pushErrors.recordId, ids),
        inArray(pushErrors.state, ["open", "retrying"]),
      ),
    )
    .orderBy(desc(pushErrors.lastAt));
  const errors = new Map<string, { code: string; message: string }>();
  for (const row of rows)
    if (!errors.has(row.recordId)) errors.set(row.recordId, { code: row.code, message: row.message });
  return errors;
}
