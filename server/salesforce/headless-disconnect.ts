import { createHash } from "node:crypto";
import type { TDatabase } from "@/db/client";
import { readSetting, writeSetting } from "@/server/settings/settings-store";

/**
 * An admin who disconnects a headless deploy (SALESFORCE_INSTANCE_URL + SALESFORCE_REFRESH_TOKEN)
 * means it: the next tick must not connect again from the same environment. The settings row
 * remembers which refresh token was let go (its hash only); a new token in the environment
 * connects again.
 */
const KEY = "salesforce.headlessDisconnected";

function hashRefreshToken(refreshToken: string): string {
  return createHash("sha256").update(refreshToken).digest("base64url");
}

export async function recordHeadlessDisconnect(db: TDatabase, refreshToken: string): Promise<void> {
  await writeSetting(db, KEY, { refreshTokenHash: hashRefreshToken(refreshToken) });
}

export async function wasHeadlessTokenDisconnected(db: TDatabase, refreshToken: string): Promise<boolean> {
  const stored = await readSetting(db, KEY);
  return stored?.refreshTokenHash === hashRefreshToken(refreshToken);
}
