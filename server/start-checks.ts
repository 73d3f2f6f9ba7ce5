import { findMissingProductionEnv, readEnv, type TEnv } from "./env";

/** Exits the server process, naming each missing setting, before it serves a single request. */
export function refuseToStartWithoutRequiredEnv() {
  let problems: string[];
  try {
    problems = findMissingProductionEnv(readEnv());
  } catch (error) {
    problems = [error instanceof Error ? error.message : String(error)];
  }
  if (problems.length === 0) return;
  for (const problem of problems) console.error(`Tandem cannot start: ${problem}`);
  process.exit(1);
}

/**
 * While Tandem has no admin, prints the link that creates the first one (with the setup token).
 * A database that is not reachable or migrated yet is not a reason to stop: the setup page
 * prints the link when it makes the token later.
 */
export async function printSetupLinkWhileNoAdmin(env: TEnv = readEnv()): Promise<void> {
  try {
    const [{ getDatabase }, { countUsers }, { getSetupToken, describeSetupToken }] = await Promise.all([
      import("@/db/client"),
      import("@/server/users/count-users"),
      import("@/server/setup/setup-token"),
    ]);
    const { db } = getDatabase();
    if ((await countUsers(db)) > 0) return;
    const setup = await getSetupToken(db, env);
    console.log(describeSetupToken(setup, env.AUTH_URL ? new URL(env.AUTH_URL).origin : null));
  } catch (error) {
    console.warn(
      `Tandem could not read its database to print the setup link (${error instanceof Error ? error.message : String(error)}). Open /setup once the database is ready; the link is printed then.`,
    );
  }
}
