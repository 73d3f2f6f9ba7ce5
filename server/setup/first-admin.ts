import { getDb, type TDatabase } from "@/db/client";
import { getEnv, type TEnv } from "@/server/env";
import { AppError } from "@/server/errors";
import { countUsers } from "@/server/users/count-users";
import { createFirstAdmin } from "@/server/users/create-first-admin";
import type { TFirstAdmin, TUser } from "@/server/users/schemas";
import { describeSetupToken, forgetSetupToken, getSetupToken, isSameToken } from "./setup-token";

/**
 * Whether `candidate` is the setup token. A token made just now (no server start printed one, e.g.
 * the database was migrated after the server started) is printed in the server log here.
 */
export async function checkSetupToken(
  db: TDatabase,
  candidate: string | null | undefined,
  env: TEnv = getEnv(),
): Promise<boolean> {
  const setup = await getSetupToken(db, env);
  if (setup.source === "created")
    console.log(describeSetupToken(setup, env.AUTH_URL ? new URL(env.AUTH_URL).origin : null));
  return typeof candidate === "string" && candidate.length > 0 && isSameToken(candidate, setup.token);
}

/** The setup page: may this link show the first-admin form? */
export function isSetupTokenValid(candidate: string | null | undefined): Promise<boolean> {
  return checkSetupToken(getDb(), candidate);
}

/**
 * The setup page's first step: the workspace's first admin. Whether setup is still open and the
 * token are checked before the password is hashed, so a stranger costs a count and a comparison.
 */
export async function setUpFirstAdmin(
  input: TFirstAdmin & { token: string },
  db: TDatabase = getDb(),
  env: TEnv = getEnv(),
): Promise<TUser> {
  if ((await countUsers(db)) > 0) {
    throw new AppError("CONFLICT", "Tandem already has an admin. Sign in, or ask an admin to add you to the team.");
  }
  if (!(await checkSetupToken(db, input.token, env))) {
    throw new AppError(
      "FORBIDDEN",
      "This setup link is not valid. Open the link with the setup token from the server log, or set TANDEM_SETUP_TOKEN.",
    );
  }
  const admin = await createFirstAdmin(db, { name: input.name, email: input.email, password: input.password });
  await forgetSetupToken(db);
  return admin;
}
