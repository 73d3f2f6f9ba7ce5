import { randomUUID } from "node:crypto";
import type { TDatabase } from "@/db/client";
import { users } from "@/db/schema";
import { hashPassword } from "@/server/auth/password";
import { AppError } from "@/server/errors";
import type { TNewUser, TUser } from "./schemas";
import { toUserDto } from "./to-user-dto";

/** Admins add members (self sign-up is closed once the first admin exists). */
export async function addUser(db: TDatabase, input: TNewUser): Promise<TUser> {
  const passwordHash = await hashPassword(input.password);
  const now = new Date();
  const [created] = await db
    .insert(users)
    .values({
      id: randomUUID(),
      email: input.email,
      name: input.name,
      passwordHash,
      role: input.role,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing({ target: users.email })
    .returning();
  if (!created) throw new AppError("CONFLICT", `${input.email} is already on the team.`);
  return toUserDto(created);
}
