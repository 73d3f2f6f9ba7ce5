import type { users } from "@/db/schema";
import type { TUser } from "./schemas";

export function toUserDto(row: typeof users.$inferSelect): TUser {
  return { id: row.id, email: row.email, name: row.name, role: row.role, createdAt: row.createdAt };
}
