import { and, asc, eq, inArray } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { activityLog, pushErrors, pushOutbox, salesforceConnection, settings } from "@/db/schema";
import type { TOrgPushInfo, TPushSettings } from "@/server/settings/setting-keys";
import { writeSetting } from "@/server/settings/settings-store";
import type { TActivityRecordType } from "@/server/sync/core/activity-events";
import type { TPushKind, TPushRecordType } from "@/server/sync/core/push-kinds";

/* Arrangements and reads for the write side's integration tests. */

export const ADA = { id: "user-ada", name: "Ada Admin", email: "Ada@Example.com" } as const;
export const MAX = { id: "user-max", name: "Max Member", email: "max@example.com" } as const;

export const CONNECTED_USER_ID = "005000000000001AAA";

/** Push switched on (or off) for the kinds named; the others off. */
export async function setPush(db: TDatabase, enabled: TPushKind[], as: "Contact" | "Lead" = "Contact") {
  const on = (kind: TPushKind) => ({ enabled: enabled.includes(kind) });
  const value: TPushSettings = {
    people: { ...on("people"), as },
    accounts: on("accounts"),
    opportunities: on("opportunities"),
    activities: on("activities"),
    tasks: on("tasks"),
    meetings: on("meetings"),
    notes: on("notes"),
  };
  await writeSetting(db, "push.settings", value);
}

export const PUSH_INFO: TOrgPushInfo = {
  checkedAt: 1_700_000_000_000,
  orgId: "00D000000000001EAA",
  tandemIdObjects: ["Account", "Contact", "Lead"],
  enhancedNotes: true,
  opportunityStages: [
    { value: "Prospecting", label: "Prospecting", isDefault: true },
    { value: "Negotiation/Review", label: "Negotiation/Review", isDefault: false },
    { value: "Closed Won", label: "Closed Won", isDefault: false },
  ],
  leadStatuses: [
    { value: "Open - Not Contacted", label: "Open - Not Contacted", isDefault: true },
    { value: "Working - Contacted", label: "Working - Contacted", isDefault: false },
  ],
  users: [
    { id: CONNECTED_USER_ID, name: "Integration User", email: "integration@acme.example" },
    { id: "005000000000002AAA", name: "Ada Lovelace", email: "ada@example.com" },
    { id: "005000000000003AAA", name: "Grace Hopper", email: "grace@example.com" },
  ],
};

/** The org's push facts, or none yet (before the first describe check). */
export async function setPushInfo(db: TDatabase, info: TOrgPushInfo | null) {
  if (info) await writeSetting(db, "salesforce.pushInfo", info);
  else await db.delete(settings).where(eq(settings.key, "salesforce.pushInfo"));
}

export async function connect(db: TDatabase, username: string | null = "integration@acme.example") {
  await db.delete(salesforceConnection);
  await db.insert(salesforceConnection).values({
    id: "default",
    environment: "production",
    loginUrl: "https://login.salesforce.com",
    instanceUrl: "https://acme.my.salesforce.com",
    apiVersion: "62.0",
    orgId: "00D000000000001EAA",
    userId: CONNECTED_USER_ID,
    username,
    refreshTokenEncrypted: "unused",
    status: "connected",
    connectedAt: 1,
  });
}

export function outboxOf(db: TDatabase, recordType: TPushRecordType, recordId: string) {
  return db
    .select()
    .from(pushOutbox)
    .where(and(eq(pushOutbox.recordType, recordType), eq(pushOutbox.recordId, recordId)))
    .orderBy(asc(pushOutbox.id));
}

export function openOutboxOf(db: TDatabase, recordType: TPushRecordType, recordId: string) {
  return db
    .select()
    .from(pushOutbox)
    .where(
      and(
        eq(pushOutbox.recordType, recordType),
        eq(pushOutbox.recordId, recordId),
        inArray(pushOutbox.state, ["pending", "failed"]),
      ),
    );
}

export function logOf(db: TDatabase, recordType: TActivityRecordType, recordId: string) {
  return db
    .select()
    .from(activityLog)
    .where(and(eq(activityLog.recordType, recordType), eq(activityLog.recordId, recordId)))
    .orderBy(asc(activityLog.id));
}

/** A push Salesforce rejected: the outbox row failed and an open error in the log (ERR-1). */
export async function failPush(db: TDatabase, recordType: TPushRecordType, recordId: string, fields: string[] = []) {
  await db
    .update(pushOutbox)
    .set({ state: "failed", attempts: 3, lastErrorCode: "FIELD_CUSTOM_VALIDATION_EXCEPTION", fields })
    .where(
      and(eq(pushOutbox.recordType, recordType), eq(pushOutbox.recordId, recordId), eq(pushOutbox.state, "pending")),
    );
  await db.insert(pushErrors).values({
    id: `error-${recordId}`,
    recordType,
    recordId,
    object: "Account",
    operation: "create",
    recordName: "a record",
    code: "FIELD_CUSTOM_VALIDATION_EXCEPTION",
    message: "Accounts need a website.",
    fields: ["Website"],
    state: "open",
    firstAt: 1,
    lastAt: 1,
  });
}
