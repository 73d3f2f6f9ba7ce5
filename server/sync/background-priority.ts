import { constants, getPriority, setPriority } from "node:os";

/** The nice value a sync run from the CLI takes: below normal, as a batch job beside a web server. */
export const BACKGROUND_NICE = constants.priority.PRIORITY_BELOW_NORMAL;

/**
 * Lowers a process's CPU priority to `BACKGROUND_NICE` (never raises it: a process started nicer
 * stays as it is). A sync run by a scheduler on the web server's machine then takes the CPU the
 * server leaves, so pages stay quick while a large pull runs; alone it runs as fast as before.
 * Where the system refuses (some containers), the sync runs at the priority it has.
 */
export function lowerCpuPriority(pid = 0): number {
  try {
    const current = getPriority(pid);
    if (current < BACKGROUND_NICE) setPriority(pid, BACKGROUND_NICE);
    return getPriority(pid);
  } catch {
    return Number.NaN;
  }
}
