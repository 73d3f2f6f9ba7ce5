import { eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { users } from "@/db/schema";
import { toUserDto } from "@/server/users/to-user-dto";
import type { TUser } from "@/server/users/schemas";
import { normalizeEmail } from "@/server/users/normalize-email";
import { verifyAgainstDecoy, verifyPassword } from "./password";
import { clearFailures, currentWait, recordFailure, throttleKeys } from "./sign-in-failures";

export type TAuthenticateResult =
  | { ok: true; user: TUser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/**
 * Checks an email and password. A wrong email and a wrong password give the same answer and
 * take the same time, so the result never reveals whether an address has an account.
 */
export async function authenticate(
  db: TDatabase,
  input: { email: string; password: string; ip?: string },
  now: number,
): Promise<TAuthenticateResult> {
  const email = normalizeEmail(input.email);
  const keys = throttleKeys(email, input.ip);
  const wait = await currentWait(db, keys, now);
  if (wait > 0) return { ok: false, reason: "throttled", retryAfterSeconds: Math.ceil(wait / 1000) };

  const user = await db.query.users.findFirst({ where: eq(users.email, email) });
  const valid = user
    ? await verifyPassword(input.password, user.passwordHash)
    : await verifyAgainstDecoy(input.password);
  if (!user || !valid) {
    await recordFailure(db, keys, now);
    return { ok: false, reason: "invalid" };
  }
  await clearFailures(db, email);
  return { ok: true, user: toUserDto(user) };
}
