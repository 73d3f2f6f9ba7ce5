import { Connection } from "jsforce";
import { SALESFORCE_API_VERSION } from "../api-version";

/** A plain jsforce connection to an emulated org (in this process, or another: any token issuer). */
export function adminConnection(emulator: { issueTokens(): { instance_url: string; access_token: string } }) {
  const tokens = emulator.issueTokens();
  return new Connection({
    instanceUrl: tokens.instance_url,
    accessToken: tokens.access_token,
    version: SALESFORCE_API_VERSION,
  });
}
