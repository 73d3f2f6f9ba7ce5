import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { getDatabase } from "@/db/client";
import { checkDatabase, type TDatabaseState } from "@/db/status";
import { countUsers } from "@/server/users/count-users";
import { getSessionUser, type TSessionUser } from "./session";

export type TWorkspaceState = { database: Exclude<TDatabaseState, "ok"> } | { database: "ok"; hasUsers: boolean };

/**
 * Whether the database is usable and whether first-run setup is still open. Pages call this
 * before anything else so a broken database shows a clear page instead of a stack trace.
 */
export const getWorkspaceState = cache(async (): Promise<TWorkspaceState> => {
  // Marks the page as per-request: it must never be rendered (or touch a database) at build.
  await connection();
  const handle = getDatabase();
  try {
    return { database: "ok", hasUsers: (await countUsers(handle.db)) > 0 };
  } catch {
    const state = await checkDatabase(handle.client);
    return { database: state === "ok" ? "unreachable" : state };
  }
});

/** For signed-in pages: sends visitors to first-run setup or sign-in as needed. */
export async function requireUser(): Promise<TSessionUser> {
  const user = await getSessionUser();
  if (user) return user;
  const callbackPath = (await headers()).get("x-tandem-path") ?? "/";
  const state = await getWorkspaceState();
  if (state.database === "ok" && !state.hasUsers) redirect("/setup");
  redirect(`/sign-in?callbackUrl=${encodeURIComponent(callbackPath)}`);
}
