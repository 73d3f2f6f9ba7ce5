import { afterAll, beforeAll, beforeEach } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/db/testing/test-database";
import { type RunningEmulator, startEmulator } from "@/server/emulator";
import { connectToEmulator } from "./emulator-connection";
import { forgetLoad } from "./processes";

/**
 * The usual integration-test setting for the engine: a migrated test database (file or sqld) and
 * an empty emulated org, both fresh for each test, with Tandem connected to the org.
 */
export function setUpSyncTestBed(): { readonly database: TTestDatabase; readonly emulator: RunningEmulator } {
  const bed = {} as { database: TTestDatabase; emulator: RunningEmulator };
  beforeAll(async () => {
    bed.database = await createTestDatabase();
    bed.emulator = await startEmulator({ seed: "empty" });
  });
  afterAll(async () => {
    await bed.emulator?.stop();
    await bed.database?.cleanup();
  });
  beforeEach(async () => {
    await bed.emulator.reset("empty");
    await forgetLoad(bed.database.client);
    await connectToEmulator(bed.database.db, bed.emulator);
  });
  return bed;
}
