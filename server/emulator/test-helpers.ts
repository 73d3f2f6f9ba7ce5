import { Connection, OAuth2 } from "jsforce";
import { startEmulator, type RunningEmulator } from "./index";
import type { EmulatorOptions } from "./emulator";

export const API_VERSION = "62.0";

/** Starts an emulator on a free port and a jsforce connection to it with a fresh token. */
export async function startWithConnection(
  opts: EmulatorOptions = {},
): Promise<{ emu: RunningEmulator; conn: Connection }> {
  const emu = await startEmulator({ seed: "empty", ...opts });
  const tokens = emu.issueTokens();
  const conn = new Connection({ instanceUrl: emu.url, accessToken: tokens.access_token, version: API_VERSION });
  return { emu, conn };
}

export function refreshingConnection(emu: RunningEmulator, refreshToken: string, accessToken = "expired"): Connection {
  const oauth2 = new OAuth2({
    clientId: emu.clientId,
    clientSecret: emu.clientSecret,
    loginUrl: emu.url,
    redirectUri: "http://localhost:3000/callback",
  });
  return new Connection({ oauth2, instanceUrl: emu.url, accessToken, refreshToken, version: API_VERSION });
}

/** A raw HTTP call with the emulator's token, for checking statuses and headers exactly. */
export async function raw(
  emu: RunningEmulator,
  token: string,
  method: string,
  path: string,
  body?: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; text: string; json: () => unknown }> {
  const res = await fetch(`${emu.url}${path}`, {
    method,
    body,
    headers: {
      Authorization: `Bearer ${token}`,
      ...(body !== undefined ? { "Content-Type": "application/json" } : {}),
      ...headers,
    },
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: () => JSON.parse(text) as unknown };
}

export const dataPath = (path: string) => `/services/data/v${API_VERSION}${path}`;
