import { getEnv, type TEnv } from "@/server/env";
import type { TSalesforceEnvironment } from "./connection-store";

export const LOGIN_URLS = {
  production: "https://login.salesforce.com",
  sandbox: "https://test.salesforce.com",
} as const;

export const DEMO_CLIENT = { clientId: "tandem-demo", clientSecret: "tandem-demo-secret" } as const;

export type TAppCredentials = { clientId: string; clientSecret: string };

/** The demo org's URL, set by `npm run demo` (the emulator); absent in a real deployment. */
export function demoOrgUrl(env: TEnv = getEnv()): string | null {
  return env.TANDEM_DEMO_SALESFORCE_URL ?? null;
}

/**
 * The connected app Tandem signs in with. The demo org has its own fixed client; a real org
 * needs SALESFORCE_CLIENT_ID and SALESFORCE_CLIENT_SECRET from the team's connected app.
 */
export function appCredentials(environment: TSalesforceEnvironment, env: TEnv = getEnv()): TAppCredentials | null {
  if (environment === "demo") {
    return {
      clientId: env.TANDEM_DEMO_CLIENT_ID ?? DEMO_CLIENT.clientId,
      clientSecret: env.TANDEM_DEMO_CLIENT_SECRET ?? DEMO_CLIENT.clientSecret,
    };
  }
  const clientId = env.SALESFORCE_CLIENT_ID;
  const clientSecret = env.SALESFORCE_CLIENT_SECRET;
  return clientId && clientSecret ? { clientId, clientSecret } : null;
}

/** A My Domain login URL, reduced to its origin; null when it is not an https URL (http only for localhost). */
export function parseCustomLoginUrl(value: string): string | null {
  try {
    const url = new URL(value.trim().includes("://") ? value.trim() : `https://${value.trim()}`);
    const local = url.hostname === "localhost" || url.hostname === "127.0.0.1";
    if (url.protocol !== "https:" && !(local && url.protocol === "http:")) return null;
    return url.origin;
  } catch {
    return null;
  }
}

export function loginUrlFor(
  environment: TSalesforceEnvironment,
  options: { customUrl?: string | null; env?: TEnv },
): string | null {
  if (environment === "production") return LOGIN_URLS.production;
  if (environment === "sandbox") return LOGIN_URLS.sandbox;
  if (environment === "demo") return demoOrgUrl(options.env);
  return options.customUrl ? parseCustomLoginUrl(options.customUrl) : null;
}
