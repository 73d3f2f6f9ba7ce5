import "server-only";
import type { InStatement } from "@libsql/client";
import type { TDatabase } from "@/db/client";
import { activityLog } from "@/db/schema";
import { toStatement } from "@/db/statements";
import { AppError } from "@/server/errors";
import { getConnectionRow } from "@/server/salesforce/connection-store";
import type { TOrgPushInfo, TPushSettings } from "@/server/settings/setting-keys";
import { readSetting } from "@/server/settings/settings-store";
import type { TActivityEntry } from "@/server/sync/core/activity-events";
import type { TPushKind, TPushState } from "@/server/sync/core/push-kinds";
import type { TRecordState } from "@/server/sync/core/sync-objects";
import { pickOwner, type TResolvedOwner } from "./resolve-owner";

/** The signed-in user a write is made by. */
export type TWriteUser = { id: string; name: string; email: string };

/** What every write reads first: the push switches (PUSH-1), the org's push facts and the owner. */
export type TWriteContext = { push: TPushSettings; pushInfo: TOrgPushInfo | null; owner: TResolvedOwner };

export async function loadWriteContext(db: TDatabase, user: TWriteUser): Promise<TWriteContext> {
  const [push, pushInfo, connection] = await Promise.all([
    readSetting(db, "push.settings"),
    readSetting(db, "salesforce.pushInfo"),
    getConnectionRow(db),
  ]);
  return { push, pushInfo, owner: pickOwner(user.email, pushInfo, connection) };
}

/** PUSH-1: a record created while its kind is off stays in Tandem, "Not in Salesforce". */
export function pushStateOfCreate(push: TPushSettings, kind: TPushKind): "pending" | "local" {
  return push[kind].enabled ? "pending" : "local";
}

/**
 * The push state after an edit. With push on, the edit is queued (`pending`). With push off, a
 * record never sent stays `local`; a record Salesforce has keeps its state, and its edit waits
 * in the outbox until the kind is turned on.
 */
export function pushStateOfEdit(
  push: TPushSettings,
  kind: TPushKind,
  record: { sfId: string | null; pushState: TPushState | null },
): TPushState | null {
  if (push[kind].enabled) return "pending";
  return record.sfId ? record.pushState : "local";
}

/** Why a new record stays in Tandem, said in its activity log. */
export function localNote(kind: TPushKind, pushState: TPushState): string {
  return pushState === "local" ? ` Not in Salesforce: pushing ${kind} is off.` : "";
}

export function activityStatement(db: TDatabase, entry: TActivityEntry): InStatement {
  return toStatement(db.insert(activityLog).values({ ...entry, details: entry.details ?? null }));
}

/** The record, its activity log and its outbox row: one transaction, one round trip (PUSH-2). */
export async function commitWrite(db: TDatabase, statements: InStatement[]): Promise<void> {
  await db.$client.batch(statements, "write");
}

/** The calendar day (UTC) of a moment, as Salesforce's date fields take it. */
export function dayOf(now: number): string {
  return new Date(now).toISOString().slice(0, 10);
}

const INACTIVE_WORDS: Record<Exclude<TRecordState, "active">, string> = {
  retired: "was retired as a lead (its contact took its place)",
  deleted: "was deleted in Salesforce",
  merged: "was merged into another record",
};

/** A write on a record that left the active set: what happened to it, and what that means. */
export function inactiveRecordError(
  name: string,
  state: Exclude<TRecordState, "active">,
  consequence: string,
): AppError {
  return new AppError("BAD_REQUEST", `${name} ${INACTIVE_WORDS[state]}, so ${consequence}.`);
}
