import "server-only";
import type { TDatabase } from "@/db/client";
import { crmAccounts } from "@/db/schema";
import { toStatement } from "@/db/statements";
import { newId } from "@/server/ids";
import { enqueuePushStatement } from "@/server/sync/push/enqueue";
import { createdRecordMarkStatements } from "./created-record-marks";
import { createdEntry, createPush, newAccountRow } from "./new-records";
import { type TNewAccountInput, type TWrittenRecord, ZNewAccountSchema } from "./schemas";
import { activityStatement, commitWrite, loadWriteContext, type TWriteUser } from "./write-context";

/**
 * "New account": the account, its activity log entry and its outbox row in one batch (PUSH-2).
 * Company prospects with its web domain leave prospecting lists, linked to it (PULL-3).
 */
export async function createAccount(
  db: TDatabase,
  rawInput: TNewAccountInput,
  user: TWriteUser,
  now: number,
): Promise<TWrittenRecord> {
  const input = ZNewAccountSchema.parse(rawInput);
  const context = await loadWriteContext(db, user);
  const row = newAccountRow(newId(now), input, context, user, now);
  const record = { recordType: "account", recordId: row.id, kind: "accounts", pushState: row.pushState } as const;
  const marks = await createdRecordMarkStatements(
    db,
    { people: [], accounts: [{ id: row.id, name: row.name, domainNormalized: row.domainNormalized }] },
    user,
    now,
  );
  await commitWrite(db, [
    toStatement(db.insert(crmAccounts).values(row)),
    activityStatement(db, createdEntry(record, "created-in-tandem", `Created in Tandem by ${user.name}.`, now)),
    enqueuePushStatement(createPush("account", row.id, "accounts", user, now)),
    ...marks,
  ]);
  return { id: row.id, name: row.name, pushState: row.pushState, ownerSfId: row.ownerSfId, ownerName: row.ownerName };
}
