import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { syncCursors } from "@/db/schema";
import { createTestDatabase, type TTestDatabase } from "@/db/testing/test-database";
import { describeState } from "./kill-points";

let database: TTestDatabase;
const NOW = 1_800_000_000_000;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.cleanup());
beforeEach(async () => {
  await database.db.delete(syncCursors);
});

async function cursor(object: "Account" | "Contact" | "Lead" | "Opportunity", loaded: number, done: boolean) {
  await database.db.insert(syncCursors).values({
    object,
    loaded,
    total: 9_000,
    initialLoadAt: done ? NOW : null,
    updatedAt: NOW,
  });
}

describe("the state line after a kill", () => {
  it("names the object part-loaded and those not started", async () => {
    await cursor("Account", 9_000, true);
    await cursor("Contact", 4_000, false);
    expect(await describeState(database.client)).toBe("Contact 4000/9000 loaded, not started: Lead, Opportunity");
  });

  it("names the next object between two of them, when no cursor is part-loaded", async () => {
    for (const object of ["Account", "Contact", "Lead"] as const) await cursor(object, 9_000, true);
    expect(await describeState(database.client)).toBe("not started: Opportunity");
  });

  it("says nothing is in flight once every object is loaded and nothing waits", async () => {
    for (const object of ["Account", "Contact", "Lead", "Opportunity"] as const) await cursor(object, 9_000, true);
    expect(await describeState(database.client)).toBe("nothing in flight");
  });
});
