import { setImmediate, setTimeout } from "node:timers/promises";

/** Above this, the turn a tick gave away was used by other work: someone is waiting on this process. */
const OTHERS_RAN_MS = 2;
/** The longest pause a tick takes at once for others, however long its last stretch of work. */
export const MAX_PAUSE_MS = 200;

/** Set on the process (not a module, which a bundler may load twice) by a web server at start. */
const SHARES_THREAD = Symbol.for("tandem.sync.sharesThreadWithRequests");
type TFlagged = { [SHARES_THREAD]?: boolean };

/**
 * Called once by a web server as it starts: the ticks it runs (cron route, "Sync now", a rep's
 * push, outbound messages) share its thread with the requests it answers. A process that only
 * syncs (the CLI) never calls it, and its ticks never pause.
 */
export function shareThreadWithRequests(): void {
  (globalThis as TFlagged)[SHARES_THREAD] = true;
}

/**
 * How long a tick pauses after giving away a turn of the event loop: when it shares the thread
 * with a server and the turn was used by other work (a page being served), as long as its own
 * last stretch of work took, up to MAX_PAUSE_MS. A page that needs several turns then gets them
 * back to back instead of one per chunk of the tick's work. Otherwise no pause at all.
 */
export function pauseMs(input: { sharesThread: boolean; workedMs: number; othersRanMs: number }): number {
  if (!input.sharesThread || input.othersRanMs <= OTHERS_RAN_MS) return 0;
  return Math.min(Math.max(input.workedMs, 0), MAX_PAUSE_MS);
}

/** When the last call returned: the work since is what the next call measures (after a rest between
 * ticks, the rest too, which MAX_PAUSE_MS bounds). */
let resumedAt = performance.now();

/**
 * Lets the rest of the process run: a web server's requests, the lease's renewal timer. On a
 * `file:` database every query runs on this thread and an awaited query resolves at once, so a
 * loop of them holds the thread from one network call to the next; a tick running in the web
 * server would keep every page waiting meanwhile. The loops of a tick that run long (pages of a
 * pull, chunks of the duplicate check) call this between their chunks.
 */
export async function letOthersRun(): Promise<void> {
  const workedMs = performance.now() - resumedAt;
  const yielded = performance.now();
  await setImmediate();
  const pause = pauseMs({
    sharesThread: (globalThis as TFlagged)[SHARES_THREAD] === true,
    workedMs,
    othersRanMs: performance.now() - yielded,
  });
  if (pause > 0) await setTimeout(pause);
  resumedAt = performance.now();
}
