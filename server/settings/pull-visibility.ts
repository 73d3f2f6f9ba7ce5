import { z } from "zod";
import type { TDatabase } from "@/db/client";
import type { TSyncObject } from "@/db/schema";
import { readSetting, writeSetting } from "./settings-store";

/**
 * PULL-2: each pulled object can be hidden from view. Hidden records still sync and still count
 * for PULL-3, PULL-4 and duplicate detection; only pages, lists and exports leave them out.
 */
export const ZPullVisibilitySchema = z
  .object({
    Account: z.boolean().default(true),
    Contact: z.boolean().default(true),
    Lead: z.boolean().default(true),
    Opportunity: z.boolean().default(true),
  })
  .default({ Account: true, Contact: true, Lead: true, Opportunity: true });
export type TPullVisibility = z.infer<typeof ZPullVisibilitySchema>;

const KEY = "pull.visibility";

export function getPullVisibility(db: TDatabase): Promise<TPullVisibility> {
  return readSetting(db, KEY, ZPullVisibilitySchema);
}

export async function setPullVisibility(
  db: TDatabase,
  object: TSyncObject,
  visible: boolean,
): Promise<TPullVisibility> {
  const current = await getPullVisibility(db);
  const next = { ...current, [object]: visible };
  await writeSetting(db, KEY, next);
  return next;
}
