import "server-only";
import type { TDatabase } from "@/db/client";
import { AppError } from "@/server/errors";
import { loginUrlFor } from "@/server/salesforce/app-credentials";
import type { TSalesforceEnvironment } from "@/server/salesforce/environments";
import { startOAuthFlow } from "@/server/salesforce/oauth-flow";
import { rememberOAuthBrowser } from "./salesforce-oauth-cookie";
import { getRequestOrigin } from "./request-origin";

/**
 * The Connect step's button: starts the OAuth flow for this admin and binds it to this browser
 * (a cookie set on the answer), then returns where to send the browser.
 */
export async function startSalesforceConnect(
  db: TDatabase,
  input: { environment: TSalesforceEnvironment; customUrl?: string; userId: string },
): Promise<{ authorizeUrl: string }> {
  const loginUrl = loginUrlFor(input.environment, { customUrl: input.customUrl });
  if (!loginUrl) {
    throw new AppError(
      "BAD_REQUEST",
      input.environment === "demo"
        ? "The demo org is not running. Start Tandem with npm run demo."
        : "Enter your My Domain URL, like https://yourcompany.my.salesforce.com.",
    );
  }
  const origin = await getRequestOrigin();
  const flow = await startOAuthFlow(db, {
    environment: input.environment,
    loginUrl,
    origin,
    userId: input.userId,
    now: Date.now(),
  });
  await rememberOAuthBrowser(flow.browserKey, origin);
  return { authorizeUrl: flow.authorizeUrl };
}
