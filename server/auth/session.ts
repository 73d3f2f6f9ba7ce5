import { cache } from "react";
import type { Session } from "next-auth";
import { auth } from "./index";

export type TSessionUser = Session["user"];

/** The signed-in user for this request, or null. Cached per request. */
export const getSessionUser = cache(async (): Promise<TSessionUser | null> => {
  const session = await auth();
  return session?.user?.id ? session.user : null;
});
