/** Turns OAuth error codes from Salesforce into sentences that say what to fix. */
const MESSAGES: Record<string, string> = {
  access_denied: "Salesforce access was denied on the consent page. Connect again and choose Allow.",
  invalid_client_id:
    "Salesforce does not know this client id. Check SALESFORCE_CLIENT_ID against the connected app's consumer key.",
  invalid_client:
    "Salesforce rejected the client secret. Check SALESFORCE_CLIENT_SECRET against the connected app's consumer secret.",
  invalid_client_credentials:
    "Salesforce rejected the client secret. Check SALESFORCE_CLIENT_SECRET against the connected app's consumer secret.",
  redirect_uri_mismatch:
    "The connected app's callback URL does not match Tandem's. Add the callback URL shown in Setup to the connected app.",
  invalid_grant: "Salesforce rejected the authorization (it may have expired or been used). Connect again.",
  invalid_request:
    "Salesforce rejected the sign-in request. Connect again; if it repeats, check the connected app's OAuth settings.",
  unsupported_response_type:
    "The connected app does not allow the web-server flow. Enable OAuth settings on the connected app.",
  OAUTH_APP_BLOCKED:
    "The connected app is blocked in this org. An org admin can unblock it under Connected Apps OAuth Usage.",
};

export function describeOAuthError(code: string, description?: string | null): string {
  const known = MESSAGES[code];
  if (known) return known;
  return `Salesforce refused the connection (${code || "unknown error"}${description ? `: ${description}` : ""}).`;
}
