import { eq } from "drizzle-orm";
import type { NextAuthConfig } from "next-auth";
import { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "@/db/client";
import { type TRole, users } from "@/db/schema";
import { getEnv } from "@/server/env";
import { authenticate } from "./authenticate";
import { clientAddress } from "./client-address";

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string; role: TRole };
  }
}
declare module "@auth/core/jwt" {
  interface JWT {
    role?: TRole;
  }
}

/** Wrong email or wrong password: one code, so the answer never reveals which. */
export class InvalidCredentialsError extends CredentialsSignin {
  code = "invalid";
}

/** Too many failures: the code carries the seconds to wait. */
export class ThrottledError extends CredentialsSignin {
  constructor(retryAfterSeconds: number) {
    super();
    this.code = `throttled:${retryAfterSeconds}`;
  }
}

const ZCredentialsSchema = z.object({ email: z.string().max(320), password: z.string().max(200) });

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export const authConfig: NextAuthConfig = {
  // Self-hosted behind whatever proxy the team runs; the host header is the app's own.
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, request) {
        const parsed = ZCredentialsSchema.safeParse(raw);
        if (!parsed.success) throw new InvalidCredentialsError();
        const ip = clientAddress(request.headers, getEnv());
        const result = await authenticate(getDb(), { ...parsed.data, ip }, Date.now());
        if (result.ok)
          return { id: result.user.id, email: result.user.email, name: result.user.name, role: result.user.role };
        if (result.reason === "throttled") throw new ThrottledError(result.retryAfterSeconds);
        throw new InvalidCredentialsError();
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user?.id) {
        token.sub = user.id;
        token.role = (user as { role?: TRole }).role;
        return token;
      }
      // Every request re-reads the user, so a removed member is signed out and a role change
      // applies at once instead of when the token expires.
      if (!token.sub) return null;
      const current = await getDb().query.users.findFirst({ where: eq(users.id, token.sub) });
      if (!current) return null;
      token.role = current.role;
      token.email = current.email;
      token.name = current.name;
      return token;
    },
    session({ session, token }) {
      session.user = {
        ...session.user,
        id: token.sub ?? "",
        email: token.email ?? "",
        name: token.name ?? "",
        role: token.role ?? "member",
      };
      return session;
    },
  },
  logger: {
    // A failed sign-in is an expected answer, not a server error worth a stack trace.
    error(error) {
      if (error instanceof CredentialsSignin || error.name === "CredentialsSignin") return;
      console.error(`[auth] ${error.name}: ${error.message}`);
    },
  },
};
