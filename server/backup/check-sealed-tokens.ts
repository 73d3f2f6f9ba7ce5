import type { TDatabaseConfig } from "@/db/client";
import type { TEnv } from "@/server/env";
import { decryptToken, deriveTokenKey } from "@/server/salesforce/token-cipher";
import { openBackupClient } from "./open-backup-client";

/**
 * Whether the secrets a restored database holds sealed open with this server's key:
 * - `none`: no Salesforce connection and no sealed setting;
 * - `readable`: every sealed value opens;
 * - `unreadable`: some do not: the backup was made by a server with another AUTH_SECRET (or
 *   TANDEM_ENCRYPTION_KEY), so Salesforce must be connected again, or Tandem run with that secret;
 * - `unchecked`: this environment has neither AUTH_SECRET nor TANDEM_ENCRYPTION_KEY.
 */
export type TSealedTokens = "none" | "readable" | "unreadable" | "unchecked";

export type TSealedTokensCheck = {
  status: TSealedTokens;
  /** What does not open, for people: "the Salesforce connection", "the outbound-message token", … */
  unreadable: string[];
};

/** Settings stored as `{ sealed }` with the same key, and what each is for. */
const SEALED_SETTINGS: Record<string, string> = {
  "outbound.token": "the outbound-message token",
  "setup.token": "the setup token",
};

/** Reads the restored database's sealed values (plain SQL, whatever its migration level) and tries to open each. */
export async function checkSealedTokens(config: TDatabaseConfig, env: TEnv): Promise<TSealedTokensCheck> {
  const client = openBackupClient(config);
  try {
    const sealed: { what: string; value: string }[] = [];
    const tables = await client.execute(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name IN ('salesforce_connection', 'settings')",
    );
    const has = new Set(tables.rows.map((row) => String(row.name)));
    if (has.has("salesforce_connection")) {
      const rows = await client.execute(
        "SELECT refresh_token_encrypted, access_token_encrypted FROM salesforce_connection",
      );
      for (const row of rows.rows) {
        for (const value of [row[0], row[1]]) {
          if (typeof value === "string" && value) sealed.push({ what: "the Salesforce connection", value });
        }
      }
    }
    if (has.has("settings")) {
      const keys = Object.keys(SEALED_SETTINGS);
      const rows = await client.execute({
        sql: `SELECT key, json_extract(value, '$.sealed') FROM settings WHERE key IN (${keys.map(() => "?").join(", ")}) AND json_valid(value)`,
        args: keys,
      });
      for (const row of rows.rows) {
        if (typeof row[1] === "string" && row[1])
          sealed.push({ what: SEALED_SETTINGS[String(row[0])]!, value: row[1] });
      }
    }
    if (sealed.length === 0) return { status: "none", unreadable: [] };
    if (!env.TANDEM_ENCRYPTION_KEY && !env.AUTH_SECRET) return { status: "unchecked", unreadable: [] };
    const key = deriveTokenKey(env);
    const unreadable = new Set<string>();
    for (const { what, value } of sealed) {
      try {
        decryptToken(value, key);
      } catch {
        unreadable.add(what);
      }
    }
    return { status: unreadable.size > 0 ? "unreadable" : "readable", unreadable: [...unreadable] };
  } finally {
    client.close();
  }
}
