import type { z } from "zod";
import type { TDatabase } from "@/db/client";
import { ZSyncOptionsSchema } from "@/server/settings/setting-keys";
import { readSetting, writeSetting } from "@/server/settings/settings-store";

export { ZSyncOptionsSchema };
export type TSyncOptions = z.infer<typeof ZSyncOptionsSchema>;

export function getSyncOptions(db: TDatabase): Promise<TSyncOptions> {
  return readSetting(db, "sync.options");
}

export async function updateSyncOptions(db: TDatabase, patch: Partial<TSyncOptions>): Promise<TSyncOptions> {
  const next = { ...(await getSyncOptions(db)), ...patch };
  await writeSetting(db, "sync.options", next);
  return next;
}
