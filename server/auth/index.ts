import NextAuth from "next-auth";
import { getEnv } from "@/server/env";
import { authConfig } from "./config";

// The config is read per request (a function), so AUTH_SECRET is checked at run time, never
// at build time.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  ...authConfig,
  secret: getEnv().AUTH_SECRET,
}));
