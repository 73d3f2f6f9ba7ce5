import { z } from "zod";
import type { TDatabase } from "@/db/client";
import { readSetting, writeSetting } from "@/server/settings/settings-store";

/** Admin-tunable sync behaviour. */
export const ZSyncOptionsSchema = z
  .object({
    /** Background pulls pause above this share of the org's daily API limit. */
    apiPauseShare: z.number().min(0.1).max(1).default(0.8),
    /** How far before the cursor each pull starts (PULL-5). */
    overlapMinutes: z.number().int().min(0).max(60).default(5),
    /** Set while an admin holds the first sync (the wizard's Cancel); ticks skip pulling. */
    pausedByAdmin: z.boolean().default(false),
  })
  .default({ apiPauseShare: 0.8, overlapMinutes: 5, pausedByAdmin: false });
export type TSyncOptions = z.infer<typeof ZSyncOptionsSchema>;

const KEY = "sync.options";

export function getSyncOptions(db: TDatabase): Promise<TSyncOptions> {
  return readSetting(db, KEY, ZSyncOptionsSchema);
}

export async function updateSyncOptions(db: TDatabase, patch: Partial<TSyncOptions>): Promise<TSyncOptions> {
  const next = { ...(await getSyncOptions(db)), ...patch };
  await writeSetting(db, KEY, next);
  return next;
}
