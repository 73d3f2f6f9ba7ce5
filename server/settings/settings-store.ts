import type { InStatement } from "@libsql/client";
import { eq } from "drizzle-orm";
import type { TDatabaseOrTransaction } from "@/db/client";
import { settings } from "@/db/schema";
import { toStatement } from "@/db/statements";
import { SETTINGS, type TSettingKey, type TSettingValue } from "./setting-keys";

/** Reads a setting, parsed by its registered schema; the schema's default applies when absent or stale. */
export async function readSetting<K extends TSettingKey>(
  db: TDatabaseOrTransaction,
  key: K,
): Promise<TSettingValue<K>> {
  const row = await db.query.settings.findFirst({ where: eq(settings.key, key) });
  const schema = SETTINGS[key];
  const parsed = schema.safeParse(row?.value);
  return (parsed.success ? parsed.data : schema.parse(undefined)) as TSettingValue<K>;
}

export async function writeSetting<K extends TSettingKey>(
  db: TDatabaseOrTransaction,
  key: K,
  value: TSettingValue<K>,
): Promise<void> {
  await settingUpsert(db, key, value);
}

/** The upsert of a setting, to commit with other statements in one batch. */
export function settingStatement<K extends TSettingKey>(
  db: TDatabaseOrTransaction,
  key: K,
  value: TSettingValue<K>,
): InStatement {
  return toStatement(settingUpsert(db, key, value));
}

function settingUpsert<K extends TSettingKey>(db: TDatabaseOrTransaction, key: K, value: TSettingValue<K>) {
  const checked = SETTINGS[key].parse(value);
  const now = new Date();
  return db
    .insert(settings)
    .values({ key, value: checked, updatedAt: now })
    .onConflictDoUpdate({ target: settings.key, set: { value: checked, updatedAt: now } });
}
