import { getDb } from "@/db/client";
import { getSessionUser } from "@/server/auth/session";
import type { TContext } from "./trpc";

export async function createContext(): Promise<TContext> {
  return { db: getDb(), user: await getSessionUser() };
}
