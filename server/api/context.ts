import { getDb } from "@/db/client";
import { getSessionUser } from "@/server/auth/session";
import { pushSoon } from "@/server/sync/push/push-soon";
import { setPushRunner } from "@/server/sync/push/schedule-push";
import type { TContext } from "./trpc";

// A rep's write is pushed by a short tick (push only, under the lease) once the response is sent.
setPushRunner(pushSoon);

export async function createContext(): Promise<TContext> {
  return { db: getDb(), user: await getSessionUser() };
}
