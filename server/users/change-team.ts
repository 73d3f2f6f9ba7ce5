import { and, count, eq, ne } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { type TRole, users } from "@/db/schema";
import { AppError } from "@/server/errors";
import type { TUser } from "./schemas";
import { toUserDto } from "./to-user-dto";

type TActor = { id: string };

async function otherAdminCount(db: Pick<TDatabase, "select">, userId: string) {
  const [row] = await db
    .select({ value: count() })
    .from(users)
    .where(and(eq(users.role, "admin"), ne(users.id, userId)));
  return row?.value ?? 0;
}

/** A workspace always keeps at least one admin, and nobody demotes or removes themselves. */
export async function changeRole(db: TDatabase, actor: TActor, userId: string, role: TRole): Promise<TUser> {
  if (actor.id === userId) throw new AppError("BAD_REQUEST", "You cannot change your own role. Ask another admin.");
  return db.transaction(async (tx) => {
    const target = await tx.query.users.findFirst({ where: eq(users.id, userId) });
    if (!target) throw new AppError("NOT_FOUND", "That user no longer exists.");
    if (target.role === "admin" && role !== "admin" && (await otherAdminCount(tx, userId)) === 0) {
      throw new AppError("BAD_REQUEST", "Tandem needs at least one admin. Make someone else admin first.");
    }
    const [updated] = await tx
      .update(users)
      .set({ role, updatedAt: new Date() })
      .where(eq(users.id, userId))
      .returning();
    return toUserDto(updated ?? target);
  });
}

export async function removeUser(db: TDatabase, actor: TActor, userId: string): Promise<void> {
  if (actor.id === userId) throw new AppError("BAD_REQUEST", "You cannot remove yourself. Ask another admin.");
  await db.transaction(async (tx) => {
    const target = await tx.query.users.findFirst({ where: eq(users.id, userId) });
    if (!target) throw new AppError("NOT_FOUND", "That user no longer exists.");
    if (target.role === "admin" && (await otherAdminCount(tx, userId)) === 0) {
      throw new AppError("BAD_REQUEST", "Tandem needs at least one admin.");
    }
    await tx.delete(users).where(eq(users.id, userId));
  });
}
