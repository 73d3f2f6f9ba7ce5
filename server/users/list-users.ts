import { asc } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { users } from "@/db/schema";
import type { TUser } from "./schemas";
import { toUserDto } from "./to-user-dto";

export async function listUsers(db: TDatabase): Promise<TUser[]> {
  const rows = await db.select().from(users).orderBy(asc(users.createdAt), asc(users.email));
  return rows.map(toUserDto);
}
