import { randomBytes, timingSafeEqual } from "node:crypto";
import type { TDatabase } from "@/db/client";
import { getEnv, type TEnv } from "@/server/env";
import { decryptToken, deriveTokenKey, encryptToken } from "@/server/salesforce/token-cipher";
import { readSetting, writeSetting } from "@/server/settings/settings-store";

/**
 * The secret path segment of the outbound-message URL (Salesforce cannot send custom headers).
 * SALESFORCE_OUTBOUND_TOKEN wins; otherwise one is generated once and stored encrypted.
 */
export async function getOutboundToken(db: TDatabase, env: TEnv = getEnv()): Promise<string> {
  if (env.SALESFORCE_OUTBOUND_TOKEN) return env.SALESFORCE_OUTBOUND_TOKEN;
  const key = deriveTokenKey(env);
  const stored = await readSetting(db, "outbound.token");
  if (stored) return decryptToken(stored.sealed, key);
  const token = randomBytes(24).toString("base64url");
  await writeSetting(db, "outbound.token", { sealed: encryptToken(token, key) });
  return token;
}

export async function isOutboundToken(db: TDatabase, candidate: string, env: TEnv = getEnv()): Promise<boolean> {
  const expected = Buffer.from(await getOutboundToken(db, env));
  const actual = Buffer.from(candidate);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
