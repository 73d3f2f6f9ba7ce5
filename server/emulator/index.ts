import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, EmulatorOrg, type EmulatorOptions, type SeedName } from "./emulator";
import { createHandler } from "./server";
import type { Store } from "./org/store";
import type { TokenResponse } from "./oauth/tokens";

export { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, EmulatorOrg };
export type { EmulatorOptions, SeedName, TokenResponse };

export interface RunningEmulator {
  /** Base URL: both the login URL and the instance URL. */
  url: string;
  port: number;
  orgId: string;
  clientId: string;
  clientSecret: string;
  reset(seed?: SeedName): Promise<void>;
  issueTokens(): TokenResponse & { refresh_token: string };
  stop(): Promise<void>;
  /** Direct access to the org's records, for tests. */
  store: Store;
  /** The whole org (rules, outbound messages, usage, faults), for tests. */
  org: EmulatorOrg;
}

/** Starts an emulated Salesforce org on `opts.port` (0, the default, picks a free port). */
export async function startEmulator(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
  const emu = new EmulatorOrg(opts);
  await emu.init();
  const server: Server = createServer(createHandler(emu));
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, opts.host ?? "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = opts.host && opts.host !== "0.0.0.0" && opts.host !== "::" ? opts.host : "localhost";
  emu.baseUrl = `http://${host === "127.0.0.1" ? "localhost" : host}:${port}`;
  return {
    url: emu.baseUrl,
    port,
    orgId: emu.org.orgId,
    clientId: emu.oauth.clientId,
    clientSecret: emu.oauth.clientSecret,
    reset: (seed) => emu.reset(seed),
    issueTokens: () => emu.issueTokens(),
    store: emu.store,
    org: emu,
    stop: async () => {
      await emu.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
