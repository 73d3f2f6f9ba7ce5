import type { InStatement } from "@libsql/client";
import { eq, inArray } from "drizzle-orm";
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

/** Several settings in one query, each parsed by its schema (defaults for absent or stale ones). */
export async function readSettings<const K extends TSettingKey>(
  db: TDatabaseOrTransaction,
  keys: readonly K[],
): Promise<{ [P in K]: TSettingValue<P> }> {
  const rows = await db
    .select()
    .from(settings)
    .where(inArray(settings.key, [...keys]));
  const byKey = new Map(rows.map((row) => [row.key, row.value]));
  return Object.fromEntries(
    keys.map((key) => {
      const parsed = SETTINGS[key].safeParse(byKey.get(key));
      return [key, parsed.success ? parsed.data : SETTINGS[key].parse(undefined)];
    }),
  ) as { [P in K]: TSettingValue<P> };
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

/** Removes settings (they read as their defaults again), to commit with other statements in one batch. */
export function clearSettingsStatement(db: TDatabaseOrTransaction, keys: readonly TSettingKey[]): InStatement {
  return toStatement(db.delete(settings).where(inArray(settings.key, [...keys])));
}

function settingUpsert<K extends TSettingKey>(db: TDatabaseOrTransaction, key: K, value: TSettingValue<K>) {
  const checked = SETTINGS[key].parse(value);
  const now = new Date();
  return db
    .insert(settings)
    .values({ key, value: checked, updatedAt: now })
    .onConflictDoUpdate({ target: settings.key, set: { value: checked, updatedAt: now } });
}
