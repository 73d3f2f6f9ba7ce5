import { count } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { users } from "@/db/schema";

export async function countUsers(db: TDatabase): Promise<number> {
  const [row] = await db.select({ value: count() }).from(users);
  return row?.value ?? 0;
}
