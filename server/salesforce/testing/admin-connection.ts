import { Connection } from "jsforce";
import type { RunningEmulator } from "@/server/emulator";
import { SALESFORCE_API_VERSION } from "../api-version";

/** A plain jsforce connection to the emulator, for arranging data in tests. */
export function adminConnection(emulator: RunningEmulator) {
  const tokens = emulator.issueTokens();
  return new Connection({
    instanceUrl: tokens.instance_url,
    accessToken: tokens.access_token,
    version: SALESFORCE_API_VERSION,
  });
}
