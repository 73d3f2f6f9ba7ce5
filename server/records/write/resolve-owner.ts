import "server-only";
import type { TDatabaseOrTransaction } from "@/db/client";
import { getConnectionRow, type TConnectionRow } from "@/server/salesforce/connection-store";
import type { TOrgPushInfo } from "@/server/settings/setting-keys";
import { readSetting } from "@/server/settings/settings-store";
import type { TOwnerPreview, TResolvedOwner } from "./form-schemas";

export type { TResolvedOwner };

/**
 * The Salesforce owner of a record a user creates in Tandem: the active Salesforce user whose
 * email is the Tandem user's (case-insensitive), else the connected user. `none` before any org
 * is connected: the record keeps no owner and Salesforce assigns the pushing user.
 */
export function pickOwner(
  userEmail: string,
  pushInfo: TOrgPushInfo | null,
  connection: Pick<TConnectionRow, "userId" | "username"> | null,
): TResolvedOwner {
  const email = userEmail.trim().toLowerCase();
  const users = pushInfo?.users ?? [];
  const byEmail = email ? users.find((user) => user.email?.trim().toLowerCase() === email) : undefined;
  if (byEmail) return { sfId: byEmail.id, name: byEmail.name, matchedBy: "email" };
  if (!connection) return { sfId: null, name: null, matchedBy: "none" };
  // The describe check knows the connected user's full name; the connection row only its username.
  const connected = users.find((user) => user.id === connection.userId);
  return {
    sfId: connection.userId,
    name: connected?.name ?? connection.username ?? connection.userId,
    matchedBy: "connected-user",
  };
}

export async function resolveOwner(db: TDatabaseOrTransaction, user: { email: string }): Promise<TResolvedOwner> {
  const [pushInfo, connection] = await Promise.all([readSetting(db, "salesforce.pushInfo"), getConnectionRow(db)]);
  return pickOwner(user.email, pushInfo, connection);
}

/** What a form shows under its fields: who will own the record in Salesforce, and why. */
export function describeOwner(owner: TResolvedOwner): string {
  if (owner.matchedBy === "email") return `Owner in Salesforce: ${owner.name} (matched by your email).`;
  if (owner.matchedBy === "connected-user") return `Owner in Salesforce: ${owner.name} (the connected user).`;
  return "Owner in Salesforce: decided when Salesforce is connected (no org is connected yet).";
}

export async function previewOwner(db: TDatabaseOrTransaction, user: { email: string }): Promise<TOwnerPreview> {
  const owner = await resolveOwner(db, user);
  return { ...owner, message: describeOwner(owner) };
}
