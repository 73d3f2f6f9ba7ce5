import { eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { users } from "@/db/schema";
import { toUserDto } from "@/server/users/to-user-dto";
import type { TUser } from "@/server/users/schemas";
import { normalizeEmail } from "@/server/users/normalize-email";
import { UNKNOWN_CLIENT } from "./client-address";
import { verifyAgainstDecoy, verifyPassword } from "./password";
import { claimAttempt, forgiveAttempt, throttleKeys } from "./sign-in-failures";

export type TAuthenticateResult =
  | { ok: true; user: TUser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/**
 * Checks an email and password. A wrong email and a wrong password give the same answer and
 * take the same time, so the result never reveals whether an address has an account. `ip` is the
 * client as server/auth/client-address.ts tells it; clients Tandem cannot tell apart share a bucket.
 */
export async function authenticate(
  db: TDatabase,
  input: { email: string; password: string; ip?: string },
  now: number,
): Promise<TAuthenticateResult> {
  const email = normalizeEmail(input.email);
  const keys = throttleKeys(email, input.ip ?? UNKNOWN_CLIENT);
  const wait = await claimAttempt(db, keys, now);
  if (wait > 0) return { ok: false, reason: "throttled", retryAfterSeconds: Math.ceil(wait / 1000) };

  const user = await db.query.users.findFirst({ where: eq(users.email, email) });
  const valid = user
    ? await verifyPassword(input.password, user.passwordHash)
    : await verifyAgainstDecoy(input.password);
  // The attempt was counted as a failure when it was claimed; only a success gives it back.
  if (!user || !valid) return { ok: false, reason: "invalid" };
  await forgiveAttempt(db, keys, now);
  return { ok: true, user: toUserDto(user) };
}
