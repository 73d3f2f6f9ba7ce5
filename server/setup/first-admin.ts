import { getDb } from "@/db/client";
import { createFirstAdmin } from "@/server/users/create-first-admin";
import type { TFirstAdmin, TUser } from "@/server/users/schemas";

/** The setup page's first step: the workspace's first admin, in the process-wide database. */
export function setUpFirstAdmin(input: TFirstAdmin): Promise<TUser> {
  return createFirstAdmin(getDb(), input);
}
