import { z } from "zod";
import { ROLES } from "@/db/schema";
import { MIN_PASSWORD_LENGTH } from "@/server/auth/password";

export const ZEmailSchema = z
  .email({ error: "Enter a valid email address, like name@company.com." })
  .trim()
  .toLowerCase();
export const ZPasswordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, { error: `Use at least ${MIN_PASSWORD_LENGTH} characters for the password.` })
  .max(200, { error: "Use at most 200 characters for the password." });
export const ZNameSchema = z
  .string()
  .trim()
  .min(1, { error: "Enter a name." })
  .max(100, { error: "Use at most 100 characters for the name." });
export const ZRoleSchema = z.enum(ROLES, { error: "Choose admin or member." });

export const ZNewUserSchema = z.object({
  email: ZEmailSchema,
  name: ZNameSchema,
  password: ZPasswordSchema,
  role: ZRoleSchema,
});
export type TNewUser = z.infer<typeof ZNewUserSchema>;

export const ZFirstAdminSchema = ZNewUserSchema.omit({ role: true });
export type TFirstAdmin = z.infer<typeof ZFirstAdminSchema>;

/** What the UI sees of a user: never the password hash. */
export const ZUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: ZRoleSchema,
  createdAt: z.date(),
});
export type TUser = z.infer<typeof ZUserSchema>;
