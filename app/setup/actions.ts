"use server";

import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { signIn } from "@/server/auth";
import { isAppError } from "@/server/errors";
import { reportUnexpectedError } from "@/server/report-error";
import { setUpFirstAdmin } from "@/server/setup/first-admin";
import { ZFirstAdminSchema } from "@/server/users/schemas";

export type TFirstAdminState = {
  values?: { name: string; email: string };
  fieldErrors?: Partial<Record<"name" | "email" | "password" | "confirmPassword", string[]>>;
  error?: string;
};

const ZFormSchema = ZFirstAdminSchema.extend({ confirmPassword: z.string(), token: z.string() }).refine(
  (value) => value.password === value.confirmPassword,
  { path: ["confirmPassword"], error: "The passwords do not match." },
);

export async function createFirstAdminAction(
  _previous: TFirstAdminState,
  formData: FormData,
): Promise<TFirstAdminState> {
  const raw = Object.fromEntries(
    ["name", "email", "password", "confirmPassword", "token"].map((key) => [key, String(formData.get(key) ?? "")]),
  );
  const values = { name: raw.name ?? "", email: raw.email ?? "" };
  const parsed = ZFormSchema.safeParse(raw);
  if (!parsed.success) return { values, fieldErrors: z.flattenError(parsed.error).fieldErrors };
  try {
    await setUpFirstAdmin(parsed.data);
    // The wizard continues with connecting Salesforce.
    await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirectTo: "/setup" });
    return {};
  } catch (error) {
    unstable_rethrow(error); // the redirect after signing in
    if (isAppError(error)) return { values, error: error.message };
    return { values, error: reportUnexpectedError("setup", error).message };
  }
}
