import "server-only";
import { eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { crmAccounts, crmOpportunities } from "@/db/schema";
import { toStatement } from "@/db/statements";
import type { TOrgPushInfo } from "@/server/settings/setting-keys";
import { AppError } from "@/server/errors";
import { newId } from "@/server/ids";
import { enqueuePushStatement } from "@/server/sync/push/enqueue";
import { createdEntry, createPush } from "./new-records";
import { type TNewOpportunityInput, type TWrittenRecord, ZNewOpportunitySchema } from "./schemas";
import {
  activityStatement,
  commitWrite,
  inactiveRecordError,
  loadWriteContext,
  pushStateOfCreate,
  type TWriteUser,
} from "./write-context";

/**
 * "New opportunity" on an account: the opportunity, its activity log entry and its outbox row in
 * one batch (PUSH-2). It points at its account by Tandem id, and by Salesforce Id once the account
 * has one.
 */
export async function createOpportunity(
  db: TDatabase,
  rawInput: TNewOpportunityInput,
  user: TWriteUser,
  now: number,
): Promise<TWrittenRecord> {
  const input = ZNewOpportunitySchema.parse(rawInput);
  const [context, account] = await Promise.all([
    loadWriteContext(db, user),
    db
      .select({ id: crmAccounts.id, name: crmAccounts.name, sfId: crmAccounts.sfId, state: crmAccounts.state })
      .from(crmAccounts)
      .where(eq(crmAccounts.id, input.accountId))
      .get(),
  ]);
  if (!account) throw new AppError("NOT_FOUND", "No account has this id. Open the account again and retry.");
  if (account.state !== "active") {
    throw inactiveRecordError(account.name, account.state, "it cannot get new opportunities");
  }
  checkStage(context.pushInfo, input.stageName);
  const pushState = pushStateOfCreate(context.push, "opportunities");
  const row = {
    id: newId(now),
    sfId: null,
    fields: {},
    ownerSfId: context.owner.sfId,
    ownerName: context.owner.name,
    source: "tandem",
    state: "active",
    pushState,
    createdBy: user.id,
    createdAt: now,
    updatedAt: now,
    name: input.name,
    accountId: account.id,
    accountSfId: account.sfId,
    stageName: input.stageName,
    amount: input.amount ?? null,
    closeDate: input.closeDate,
  } satisfies typeof crmOpportunities.$inferInsert;
  const record = { recordType: "opportunity", recordId: row.id, kind: "opportunities", pushState } as const;
  await commitWrite(db, [
    toStatement(db.insert(crmOpportunities).values(row)),
    activityStatement(
      db,
      createdEntry(record, "created-in-tandem", `Created in Tandem by ${user.name} on ${account.name}.`, now),
    ),
    enqueuePushStatement(createPush("opportunity", row.id, "opportunities", user, now)),
  ]);
  return { id: row.id, name: row.name, pushState, ownerSfId: row.ownerSfId, ownerName: row.ownerName };
}

/** A stage must be one of the org's (describe), once the describe check has run. */
export function checkStage(pushInfo: TOrgPushInfo | null, stageName: string): void {
  const stages = pushInfo?.opportunityStages ?? [];
  if (stages.length === 0 || stages.some((stage) => stage.value === stageName)) return;
  throw new AppError(
    "BAD_REQUEST",
    `"${stageName}" is not a stage in Salesforce. Choose one of: ${stages.map((stage) => stage.label).join(", ")}.`,
  );
}
