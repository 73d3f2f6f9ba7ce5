import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { TDatabase, TDatabaseOrTransaction } from "@/db/client";
import { settings } from "@/db/schema";

/** Reads a JSON setting, parsed by its schema; the schema's default applies when absent or stale. */
export async function readSetting<T extends z.ZodType>(
  db: TDatabaseOrTransaction,
  key: string,
  schema: T,
): Promise<z.infer<T>> {
  const row = await db.query.settings.findFirst({ where: eq(settings.key, key) });
  const parsed = schema.safeParse(row?.value);
  return parsed.success ? parsed.data : schema.parse(undefined);
}

export async function writeSetting(db: TDatabase, key: string, value: unknown): Promise<void> {
  const now = new Date();
  await db
    .insert(settings)
    .values({ key, value, updatedAt: now })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now } });
}
