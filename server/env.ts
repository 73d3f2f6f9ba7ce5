import { z } from "zod";

/**
 * Environment read at the border. Everything is optional at build time; `assertRuntimeEnv`
 * (called when the server starts) refuses to run in production without what it needs.
 */
const ZEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z.string().trim().min(1).optional(),
  DATABASE_AUTH_TOKEN: z.string().trim().min(1).optional(),
  AUTH_SECRET: z.string().trim().min(1).optional(),
  CRON_SECRET: z.string().trim().min(1).optional(),
  SALESFORCE_LOGIN_URL: z.url().optional(),
  SALESFORCE_CLIENT_ID: z.string().trim().min(1).optional(),
  SALESFORCE_CLIENT_SECRET: z.string().trim().min(1).optional(),
  SALESFORCE_INSTANCE_URL: z.url().optional(),
  SALESFORCE_REFRESH_TOKEN: z.string().trim().min(1).optional(),
  SALESFORCE_OUTBOUND_TOKEN: z.string().trim().min(1).optional(),
  SYNC_TIME_BUDGET_MS: z.coerce.number().int().positive().default(240_000),
});

export type TEnv = z.infer<typeof ZEnvSchema>;

export function readEnv(source: Record<string, string | undefined> = process.env): TEnv {
  // Empty strings (as left by `FOO=` in a shell or an .env file) mean "not set".
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value.trim() !== ""),
  );
  const parsed = ZEnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment: ${problems.join("; ")}`);
  }
  return parsed.data;
}

/** Returns the problems that must stop a production server from starting. */
export function findMissingProductionEnv(env: TEnv): string[] {
  if (env.NODE_ENV !== "production") return [];
  const missing: string[] = [];
  if (!env.AUTH_SECRET) {
    missing.push(
      "AUTH_SECRET is not set. Sessions are signed with it. Generate one with `openssl rand -base64 32` and set AUTH_SECRET (npm run demo does this for you).",
    );
  }
  return missing;
}
