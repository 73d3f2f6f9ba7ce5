import { findMissingProductionEnv, readEnv } from "./env";

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
