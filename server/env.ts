import { isIP } from "node:net";
import { z } from "zod";

const ZText = z.string().trim().min(1);
const ZUrl = z.string().trim().pipe(z.url());
const ZPort = z.coerce.number().int().min(1).max(65_535);

/** Node decodes both alphabets; what matters is that the key is exactly 32 bytes. */
const ZEncryptionKey = ZText.regex(/^[A-Za-z0-9+/_-]+={0,2}$/, "must be base64 (openssl rand -base64 32)").refine(
  (value) => Buffer.from(value, "base64").length === 32,
  "must be 32 bytes, base64-encoded (openssl rand -base64 32)",
);

/** One IP address, or a CIDR range such as 10.0.0.0/8 or fd00::/8. */
function isAddressOrRange(entry: string): boolean {
  const [address = "", prefix, ...rest] = entry.split("/");
  const family = isIP(address);
  if (!family || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/** Comma-separated addresses and ranges; `*` is refused, since trusting everyone trusts nobody's header. */
const ZTrustedProxies = ZText.transform((value) =>
  value
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean),
).refine(
  (entries) => entries.every(isAddressOrRange),
  "must list IP addresses or CIDR ranges, comma-separated (for example 10.0.0.2,192.168.1.0/24); * is not allowed",
);

/**
 * The one parsed environment: only this file reads `process.env`. Everything is optional at build
 * time; `refuseToStartWithoutRequiredEnv` (server/start-checks.ts, called when the server starts)
 * refuses to run in production without what it needs.
 */
const ZEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: ZText.optional(),
  DATABASE_AUTH_TOKEN: ZText.optional(),
  AUTH_SECRET: ZText.optional(),
  /** The public origin (OAuth callback and outbound-message URLs); otherwise the request's. */
  AUTH_URL: ZUrl.optional(),
  AUTH_TRUST_HOST: z.stringbool().optional(),
  CRON_SECRET: ZText.optional(),
  SALESFORCE_LOGIN_URL: ZUrl.optional(),
  SALESFORCE_CLIENT_ID: ZText.optional(),
  SALESFORCE_CLIENT_SECRET: ZText.optional(),
  SALESFORCE_INSTANCE_URL: ZUrl.optional(),
  SALESFORCE_REFRESH_TOKEN: ZText.optional(),
  SALESFORCE_OUTBOUND_TOKEN: ZText.optional(),
  SYNC_TIME_BUDGET_MS: z.coerce.number().int().positive().default(240_000),
  /** The server log's level (server/log.ts): info unless set; `silent` turns it off. */
  LOG_LEVEL: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]))
    .optional(),
  /** Encrypts stored Salesforce tokens; derived from AUTH_SECRET when unset. */
  TANDEM_ENCRYPTION_KEY: ZEncryptionKey.optional(),
  TANDEM_SETUP_TOKEN: ZText.optional(),
  /** The reverse proxies in front of Tandem: only their X-Forwarded-For names the client (sign-in throttling). */
  TANDEM_TRUSTED_PROXIES: ZTrustedProxies.optional(),
  /** Set to 1 by Vercel on its functions: the client address then comes from Vercel's own headers. */
  VERCEL: z.stringbool().optional(),
  /** Set by `npm run demo` for the server it starts: the emulator's demo org and its client. */
  TANDEM_DEMO_SALESFORCE_URL: ZUrl.optional(),
  TANDEM_DEMO_CLIENT_ID: ZText.optional(),
  TANDEM_DEMO_CLIENT_SECRET: ZText.optional(),
  /** `npm run demo`: Tandem's port and the demo org's. */
  PORT: ZPort.default(3000),
  EMULATOR_PORT: ZPort.default(4010),
});

export type TEnv = z.infer<typeof ZEnvSchema>;
export type TEnvName = keyof TEnv;

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

let cached: TEnv | undefined;

/** The process's environment, parsed once. Throws, naming each bad variable, when it is invalid. */
export function getEnv(): TEnv {
  cached ??= readEnv(process.env);
  return cached;
}

/** Forgets the parsed environment, so the next `getEnv()` reads `process.env` again (tests). */
export function resetEnv(): void {
  cached = undefined;
}

/** Sets a variable for this process unless it is already set (an empty value counts as unset). */
export function setEnvDefault(name: Exclude<TEnvName, "NODE_ENV">, value: string): void {
  if (process.env[name]?.trim()) return;
  process.env[name] = value;
  resetEnv();
}

/** The environment for a child process: this process's, with `extra` on top. */
export function childProcessEnv(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
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
