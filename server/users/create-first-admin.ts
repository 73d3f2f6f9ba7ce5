import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { users } from "@/db/schema";
import { hashPassword } from "@/server/auth/password";
import { AppError } from "@/server/errors";
import type { TFirstAdmin, TUser } from "./schemas";
import { toUserDto } from "./to-user-dto";

/**
 * Creates the first admin, only while the workspace has no user at all. The existence check
 * and the insert are one statement, so two browsers racing through first-run setup cannot
 * both become admin.
 */
export async function createFirstAdmin(db: TDatabase, input: TFirstAdmin): Promise<TUser> {
  const id = randomUUID();
  const passwordHash = await hashPassword(input.password);
  const now = Date.now();
  await db.run(sql`
    INSERT INTO users (id, email, name, password_hash, role, created_at, updated_at)
    SELECT ${id}, ${input.email}, ${input.name}, ${passwordHash}, 'admin', ${now}, ${now}
    WHERE NOT EXISTS (SELECT 1 FROM users)`);
  const created = await db.query.users.findFirst({ where: (table, { eq }) => eq(table.id, id) });
  if (!created) {
    throw new AppError("CONFLICT", "Tandem already has an admin. Sign in, or ask an admin to add you to the team.");
  }
  return toUserDto(created);
}
