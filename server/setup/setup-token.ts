import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { settings } from "@/db/schema";
import type { TEnv } from "@/server/env";
import { decryptToken, deriveTokenKey, encryptToken } from "@/server/salesforce/token-cipher";
import type { TSettingKey } from "@/server/settings/setting-keys";
import { readSetting } from "@/server/settings/settings-store";

// Written here with statements of its own: the first instance to store a token must win.
const KEY = "setup.token" satisfies TSettingKey;

export type TSetupToken = { token: string; source: "env" | "stored" | "created" };

async function readSealed(db: TDatabase): Promise<string | null> {
  return (await readSetting(db, KEY))?.sealed ?? null;
}

function openSealed(sealed: string, key: Buffer): string | null {
  try {
    return decryptToken(sealed, key);
  } catch {
    return null;
  }
}

/**
 * The token that lets someone create the first admin: TANDEM_SETUP_TOKEN when set, otherwise a
 * random one made on first need and stored encrypted in the settings table, so that every server
 * instance (Vercel runs several that share only the database) agrees on it and can print it.
 */
export async function getSetupToken(db: TDatabase, env: TEnv): Promise<TSetupToken> {
  if (env.TANDEM_SETUP_TOKEN) return { token: env.TANDEM_SETUP_TOKEN, source: "env" };
  const key = deriveTokenKey(env);
  const stored = await readSealed(db);
  const opened = stored ? openSealed(stored, key) : null;
  if (opened) return { token: opened, source: "stored" };

  const token = randomBytes(24).toString("base64url");
  const sealed = encryptToken(token, key);
  const now = new Date();
  if (stored) {
    // Sealed with a secret that has changed since: replace it, unless another instance just did.
    await db
      .update(settings)
      .set({ value: { sealed }, updatedAt: now })
      .where(and(eq(settings.key, KEY), sql`json_extract(${settings.value}, '$.sealed') = ${stored}`));
  } else {
    // Two instances starting at once: the first insert wins and both use its token.
    await db.insert(settings).values({ key: KEY, value: { sealed }, updatedAt: now }).onConflictDoNothing();
  }
  const winner = await readSealed(db);
  if (winner === sealed) return { token, source: "created" };
  const theirs = winner ? openSealed(winner, key) : null;
  if (!theirs) throw new Error("The setup token could not be stored in the settings table.");
  return { token: theirs, source: "stored" };
}

/** Once the first admin exists the token opens nothing; it is not kept. */
export async function forgetSetupToken(db: TDatabase): Promise<void> {
  await db.delete(settings).where(eq(settings.key, KEY));
}

/** Compares digests, so the comparison takes the same time whatever the candidate's length. */
export function isSameToken(candidate: string, token: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(candidate), digest(token));
}

/**
 * What the server log shows while Tandem has no admin. A token the operator chose is not
 * repeated in the log; a generated one must be, since nobody else knows it.
 */
export function describeSetupToken(setup: TSetupToken, origin: string | null): string {
  const token = setup.source === "env" ? "<TANDEM_SETUP_TOKEN>" : encodeURIComponent(setup.token);
  const link = `${origin ?? ""}/setup?token=${token}`;
  return `Tandem has no admin yet. Create the first one at ${link}${origin ? "" : " on this server"}`;
}
