"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { unstable_rethrow } from "next/navigation";
import { signIn } from "@/server/auth";
import { safeCallbackPath } from "@/server/auth/safe-callback";
import { reportUnexpectedError } from "@/server/report-error";

export type TSignInState = { error?: string; email?: string };

export async function signInAction(_previous: TSignInState, formData: FormData): Promise<TSignInState> {
  const email = String(formData.get("email") ?? "");
  const password = String(formData.get("password") ?? "");
  const redirectTo = safeCallbackPath(formData.get("callbackUrl"));
  if (!email.trim() || !password) return { email, error: "Enter your email and password." };
  try {
    await signIn("credentials", { email, password, redirectTo });
    return {};
  } catch (error) {
    unstable_rethrow(error); // the redirect after a successful sign-in
    if (error instanceof CredentialsSignin) {
      const seconds = /^throttled:(\d+)$/.exec(error.code)?.[1];
      return {
        email,
        error: seconds
          ? `Too many failed attempts. Wait ${seconds} second${seconds === "1" ? "" : "s"} and try again.`
          : "That email and password do not match an account. Check both and try again.",
      };
    }
    const reported = reportUnexpectedError("sign-in", error);
    return {
      email,
      error:
        error instanceof AuthError
          ? `Sign-in is not available right now. Try again in a moment (error id ${reported.errorId}).`
          : reported.message,
    };
  }
}
