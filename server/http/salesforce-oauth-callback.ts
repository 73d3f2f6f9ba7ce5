import { getDb } from "@/db/client";
import { isAppError } from "@/server/errors";
import { completeOAuthFlow } from "@/server/salesforce/oauth-flow";

export type TOAuthCallbackInput = {
  state: string | null;
  code: string | null;
  error: string | null;
  errorDescription: string | null;
  origin: string;
};

/**
 * GET /api/salesforce/oauth/callback: finishes connecting Salesforce. Answers the sentence to show
 * in the wizard when it fails; unexpected failures are logged and answered in general terms.
 */
export async function finishSalesforceOAuth(
  input: TOAuthCallbackInput,
): Promise<{ connected: true } | { connected: false; error: string }> {
  try {
    await completeOAuthFlow(getDb(), { ...input, now: Date.now() });
    return { connected: true };
  } catch (error) {
    if (isAppError(error)) return { connected: false, error: error.message };
    console.error(`[oauth] ${error instanceof Error ? error.message : String(error)}`);
    return {
      connected: false,
      error: "Connecting to Salesforce failed unexpectedly. Try again; the server log has details.",
    };
  }
}
