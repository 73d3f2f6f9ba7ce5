import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { hashPassword } from "@/server/auth/password";
import { AppError } from "@/server/errors";
import { countUsers } from "./count-users";
import type { TFirstAdmin, TUser } from "./schemas";
import { toUserDto } from "./to-user-dto";

const ALREADY_SET_UP = "Tandem already has an admin. Sign in, or ask an admin to add you to the team.";

/**
 * Creates the first admin, only while the workspace has no user at all. Users are counted before
 * the (deliberately slow) password hash, so a closed setup costs nothing; the existence check and
 * the insert are still one statement, so two browsers racing through setup cannot both become admin.
 */
export async function createFirstAdmin(db: TDatabase, input: TFirstAdmin): Promise<TUser> {
  if ((await countUsers(db)) > 0) throw new AppError("CONFLICT", ALREADY_SET_UP);
  const id = randomUUID();
  const passwordHash = await hashPassword(input.password);
  const now = Date.now();
  await db.run(sql`
    INSERT INTO users (id, email, name, password_hash, role, created_at, updated_at)
    SELECT ${id}, ${input.email}, ${input.name}, ${passwordHash}, 'admin', ${now}, ${now}
    WHERE NOT EXISTS (SELECT 1 FROM users)`);
  const created = await db.query.users.findFirst({ where: (table, { eq }) => eq(table.id, id) });
  if (!created) throw new AppError("CONFLICT", ALREADY_SET_UP);
  return toUserDto(created);
}
