import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { pushOutbox } from "@/db/schema";
import type { TPushOperation, TPushRecordType } from "@/server/sync/core/push-kinds";

/**
 * What an edit queues. A record Salesforce has, or will have from a create that is queued, failed
 * or on its way, gets an update: an open create absorbs it (the outbox keeps the row's operation)
 * and one being sent is followed by it, so a create is never sent twice (PUSH-2). A record whose
 * create never went (cancelled when push was turned on for new records only) is created now.
 */
export async function editOperation(
  db: TDatabase,
  recordType: TPushRecordType,
  record: { id: string; sfId: string | null },
): Promise<TPushOperation> {
  if (record.sfId) return "update";
  const create = await db
    .select({ id: pushOutbox.id })
    .from(pushOutbox)
    .where(
      and(
        eq(pushOutbox.recordType, recordType),
        eq(pushOutbox.recordId, record.id),
        eq(pushOutbox.operation, "create"),
        inArray(pushOutbox.state, ["pending", "failed", "sending", "done"]),
      ),
    )
    .limit(1)
    .get();
  return create ? "update" : "create";
}
