import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type TDatabaseHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { crmPeople } from "@/db/schema";
import { startSqld, type TSqldServer } from "@/db/testing/sqld";
import { loadMatchRecords } from "./match-records";
import { READ_PAGE } from "./read-in-pages";
import { insertPeople } from "./testing/duplicate-fixtures";

/**
 * DUP-1 on Turso's path: a libSQL server refuses one answer over its response limit (10 MB by
 * default), which a whole org's people exceed. Here the limit is 1.5 MB, so a few thousand people
 * already do: duplicate detection reads them page by page and gets every one.
 */
describe("DUP-1: records are read in pages a libSQL server's response limit allows", () => {
  let server: TSqldServer;
  let handle: TDatabaseHandle;
  const PEOPLE = 3 * READ_PAGE + 700;

  beforeAll(async () => {
    server = await startSqld({ maxResponseSize: "1500KB" });
    handle = openDatabase({ url: server.url, authToken: server.authToken });
    await migrateDatabase(handle);
    await insertPeople(
      handle.db,
      Array.from({ length: PEOPLE }, (_, i) => ({
        firstName: `First${i}`,
        lastName: `Last${i}`,
        email: `person${i}@example${i % 50}.com`,
        phone: `312 555 ${String(1000 + (i % 9000))}`,
        title: "Director of something fairly long",
      })),
    );
  }, 60_000);
  afterAll(async () => {
    handle?.client.close();
    await server?.stop();
  });

  it("one answer with every person is refused; the paged read gets them all, each once", async () => {
    const whole = await handle.db
      .select()
      .from(crmPeople)
      .then(() => null)
      .catch((error: Error) => error);
    expect(String(whole?.cause)).toMatch(/RESPONSE_TOO_LARGE/);
    const records = await loadMatchRecords(handle.db, "people");
    expect(records).toHaveLength(PEOPLE);
    expect(new Set(records.map((record) => record.ref.id)).size).toBe(PEOPLE);
  });
});
