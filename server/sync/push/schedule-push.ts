import "server-only";
import type { TDatabase } from "@/db/client";
import { log } from "@/server/log";

type TPushRunner = (db: TDatabase) => Promise<unknown>;

let runner: TPushRunner | null = null;

/**
 * Who runs the short push tick after a rep's action. The app registers the real one (a tick with
 * trigger "push", under the lease); tests leave it unset and drive ticks themselves.
 */
export function setPushRunner(next: TPushRunner | null): void {
  runner = next;
}

/**
 * A rep's write is pushed right away, after the response is sent: a short tick (push only) under
 * the lease. When another tick holds the lease, that tick (or the next) pushes it.
 */
export async function schedulePush(db: TDatabase): Promise<void> {
  const run = runner;
  if (!run) return;
  const work = () =>
    run(db).catch((error: unknown) => {
      log.error("push.after_write_failed", { err: error });
    });
  try {
    const { after } = await import("next/server");
    after(work);
  } catch {
    // Outside a request (the CLI, a script): run now, without holding the caller up.
    void work();
  }
}
