import type { TEnv } from "@/server/env";
import type { TSalesforceEnvironment } from "./environments";

/**
 * Whether Tandem may use a URL from Salesforce's token response (the instance, the identity URL):
 * every later call carries the access token there. https only; the demo org, which the emulator
 * serves over plain http on this machine, only at exactly its own origin.
 */
export function isTrustedSalesforceUrl(
  value: string,
  environment: TSalesforceEnvironment,
  env: Pick<TEnv, "TANDEM_DEMO_SALESFORCE_URL">,
): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (url.protocol === "https:") return true;
  if (environment !== "demo" || !env.TANDEM_DEMO_SALESFORCE_URL) return false;
  return url.origin === new URL(env.TANDEM_DEMO_SALESFORCE_URL).origin;
}
