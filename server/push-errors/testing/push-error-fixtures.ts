import { randomUUID } from "node:crypto";
import type { TDatabase } from "@/db/client";
import { crmAccounts, crmActivities, crmOpportunities, crmPeople, pushErrors, pushOutbox } from "@/db/schema";
import type { TPushErrorState, TPushKind, TPushRecordType } from "@/server/sync/core/push-kinds";

/*
 * A push Salesforce refused, as the push engine leaves it: the record created in Tandem (push
 * state "failed"), its failed outbox row and the open error. For tests and for arranging a
 * browser test's database.
 */

export type TFailedPushInput = {
  recordType?: TPushRecordType;
  name: string;
  object?: string;
  operation?: "create" | "update";
  code?: string;
  message?: string;
  fields?: string[];
  duplicates?: Array<{ id: string; object: string }> | null;
  state?: TPushErrorState;
  ownerUserId?: string | null;
  attempts?: number;
  /** Activities: the person whose timeline shows it. */
  personId?: string | null;
  at?: number;
};

const KIND: Record<TPushRecordType, TPushKind> = {
  account: "accounts",
  person: "people",
  opportunity: "opportunities",
  activity: "activities",
};

const OBJECT: Record<TPushRecordType, string> = {
  account: "Account",
  person: "Contact",
  opportunity: "Opportunity",
  activity: "Task",
};

export async function insertFailedPush(db: TDatabase, input: TFailedPushInput) {
  const recordType = input.recordType ?? "person";
  const recordId = randomUUID();
  const at = input.at ?? Date.now();
  const owner = input.ownerUserId ?? null;
  const base = { id: recordId, fields: {}, source: "tandem" as const, pushState: "failed" as const, createdBy: owner };
  const stamps = { createdAt: at, updatedAt: at };
  if (recordType === "person") {
    await db.insert(crmPeople).values({ ...base, ...stamps, kind: "contact", name: input.name, lastName: input.name });
  } else if (recordType === "account") {
    await db.insert(crmAccounts).values({ ...base, ...stamps, name: input.name });
  } else if (recordType === "opportunity") {
    await db.insert(crmOpportunities).values({ ...base, ...stamps, name: input.name });
  } else {
    await db.insert(crmActivities).values({
      id: recordId,
      kind: "call",
      subject: input.name,
      personId: input.personId ?? null,
      pushState: "failed",
      createdBy: owner,
      ...stamps,
    });
  }
  const operation = input.operation ?? "create";
  const code = input.code ?? "REQUIRED_FIELD_MISSING";
  const [outbox] = await db
    .insert(pushOutbox)
    .values({
      recordType,
      recordId,
      kind: KIND[recordType],
      operation,
      fields: operation === "update" ? (input.fields ?? []) : [],
      state: "failed",
      attempts: input.attempts ?? 1,
      lastErrorCode: code,
      createdBy: owner,
      ...stamps,
    })
    .returning({ id: pushOutbox.id });
  const errorId = randomUUID();
  await db.insert(pushErrors).values({
    id: errorId,
    recordType,
    recordId,
    outboxId: outbox!.id,
    object: input.object ?? OBJECT[recordType],
    operation,
    recordName: input.name,
    code,
    message: input.message ?? "Required fields are missing: [LastName]",
    fields: input.fields ?? [],
    duplicates: input.duplicates ?? null,
    attempts: input.attempts ?? 1,
    state: input.state ?? "open",
    ownerUserId: owner,
    firstAt: at,
    lastAt: at,
  });
  return { recordId, errorId, outboxId: outbox!.id };
}
