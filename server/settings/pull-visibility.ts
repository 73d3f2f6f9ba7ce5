import type { z } from "zod";
import type { TDatabase } from "@/db/client";
import type { TSyncObject } from "@/server/sync/core/sync-objects";
import { ZPullVisibilitySchema } from "./setting-keys";
import { readSetting, writeSetting } from "./settings-store";

export { ZPullVisibilitySchema };
export type TPullVisibility = z.infer<typeof ZPullVisibilitySchema>;

export function getPullVisibility(db: TDatabase): Promise<TPullVisibility> {
  return readSetting(db, "pull.visibility");
}

export async function setPullVisibility(
  db: TDatabase,
  object: TSyncObject,
  visible: boolean,
): Promise<TPullVisibility> {
  const current = await getPullVisibility(db);
  const next = { ...current, [object]: visible };
  await writeSetting(db, "pull.visibility", next);
  return next;
}
