import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/**
 * Salesforce tokens are stored encrypted with AES-256-GCM. The key is TANDEM_ENCRYPTION_KEY
 * (32 bytes, base64) when set, otherwise derived from AUTH_SECRET with HKDF, so a copied
 * database file alone never yields a working token.
 * Format: v1.<iv>.<auth tag>.<ciphertext>, each base64url.
 */
const VERSION = "v1";

type TKeySource = { TANDEM_ENCRYPTION_KEY?: string; AUTH_SECRET?: string };

export function deriveTokenKey(env: TKeySource): Buffer {
  if (env.TANDEM_ENCRYPTION_KEY) {
    const key = Buffer.from(env.TANDEM_ENCRYPTION_KEY, "base64");
    if (key.length !== 32)
      throw new Error("TANDEM_ENCRYPTION_KEY must be 32 bytes, base64-encoded (openssl rand -base64 32).");
    return key;
  }
  if (!env.AUTH_SECRET)
    throw new Error("AUTH_SECRET is not set, so Salesforce tokens cannot be encrypted. Set AUTH_SECRET.");
  return Buffer.from(hkdfSync("sha256", env.AUTH_SECRET, "tandem", "salesforce-token-encryption", 32));
}

export function encryptToken(plain: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const ciphertext = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [
    VERSION,
    iv.toString("base64url"),
    cipher.getAuthTag().toString("base64url"),
    ciphertext.toString("base64url"),
  ].join(".");
}

export function decryptToken(sealed: string, key: Buffer): string {
  const [version, iv, tag, ciphertext] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || ciphertext === undefined)
    throw new Error("The stored Salesforce token is not in a known format.");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  try {
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new Error(
      "The stored Salesforce token cannot be decrypted: AUTH_SECRET (or TANDEM_ENCRYPTION_KEY) changed since Salesforce was connected. Reconnect Salesforce.",
    );
  }
}
