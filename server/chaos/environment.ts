import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase, type TDatabaseHandle } from "@/db/client";
import { startSqld, type TSqldServer } from "@/db/testing/sqld";
import { migrateDatabase } from "@/db/migrate";
import { getEnv } from "@/server/env";
import { connectToEmulator } from "@/server/sync/testing/emulator-connection";
import { startEmulatorProcess } from "@/server/sync/testing/processes";
import type { TDatabaseKind, TServerKind } from "./options";
import { SalesforceDriver } from "./salesforce-driver";
import { startWebServer, type TWebServer } from "./web-server";

export type TChaosEnvironment = {
  readonly dir: string;
  readonly databaseUrl: string;
  /** The remote database's token (empty for a `file:` database). */
  readonly databaseAuthToken: string;
  readonly database: TDatabaseHandle;
  readonly authSecret: string;
  readonly emulatorUrl: string;
  readonly salesforce: SalesforceDriver;
  readonly web: TWebServer;
  close(options: { keep: boolean }): Promise<void>;
};

/**
 * The emulator's options here: an API limit no run reaches, and outbound messages retried at least
 * every second, so a message refused by a killed server arrives soon after the restart instead of
 * hours later.
 */
const EMULATOR_ARGS = ["--daily-limit", "100000000", "--outbound-max-backoff", "1000"];

/**
 * One run's world: a fresh emulated org (a process), a fresh database of its own (a `file:` in the
 * run's folder, or a libSQL server, sqld, as a process of its own), Tandem connected to the org as
 * the wizard would, and the web server on a free port.
 */
export async function openChaosEnvironment(input: {
  server: TServerKind;
  database: TDatabaseKind;
  label: string;
}): Promise<TChaosEnvironment> {
  const dir = mkdtempSync(join(tmpdir(), `tandem-chaos-${input.label}-`));
  let sqld: TSqldServer | null = null;
  if (input.database === "sqld") sqld = await startSqld();
  const databaseUrl = sqld ? sqld.url : `file:${join(dir, "tandem.db")}`;
  const databaseAuthToken = sqld?.authToken ?? "";
  const database = openDatabase({ url: databaseUrl, authToken: sqld?.authToken });
  await migrateDatabase(database);
  const emulator = await startEmulatorProcess(EMULATOR_ARGS);
  const salesforce = new SalesforceDriver(emulator.url);
  // connectToEmulator seals the tokens with AUTH_SECRET (a test secret unless one is set).
  await connectToEmulator(database.db, emulator);
  const authSecret = getEnv().AUTH_SECRET ?? "";
  const web = await startWebServer({
    kind: input.server,
    databaseUrl,
    databaseAuthToken,
    authSecret,
    logFile: join(dir, "web-server.log"),
  });
  return {
    dir,
    databaseUrl,
    databaseAuthToken,
    database,
    authSecret,
    emulatorUrl: emulator.url,
    salesforce,
    web,
    async close({ keep }) {
      await web.stop();
      await emulator.stop();
      database.client.close();
      await sqld?.stop();
      if (!keep) rmSync(dir, { recursive: true, force: true });
    },
  };
}
