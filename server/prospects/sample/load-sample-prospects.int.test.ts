import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { crmPeople, prospectImports, prospects } from "@/db/schema";
import { createTestDatabase, testDatabaseKind, type TTestDatabase } from "@/db/testing/test-database";
import { type RunningEmulator, startEmulator } from "@/server/emulator";
import { runTick } from "@/server/sync/run-tick";
import { connectToEmulator } from "@/server/sync/testing/emulator-connection";
import { loadSampleProspects } from "./load-sample-prospects";

let database: TTestDatabase;
let emulator: RunningEmulator;
const user = { id: "user-ada", name: "Ada" };
const NOW = 1_800_000_000_000;

// The sample meets the demo org: Tandem is connected to it and has pulled it before the load.
beforeAll(async () => {
  database = await createTestDatabase();
  emulator = await startEmulator({ seed: "demo" });
  await connectToEmulator(database.db, emulator);
  for (let ticks = 0; ticks < 10; ticks++) {
    const summary = await runTick(database.db, "cli", { budgetMs: 60_000 });
    if ("skipped" in summary) throw new Error("tick was skipped");
    if (!summary.more) break;
  }
}, 120_000);
afterAll(async () => {
  await emulator?.stop();
  await database?.cleanup();
});

const count = (kind: "person" | "company") => database.db.$count(prospects, eq(prospects.kind, kind));

describe(`loading the sample prospects on ${testDatabaseKind()}`, () => {
  it("PULL-3: imports 200 companies, then 1,000 people with their extras; 15% of each are in the demo org", async () => {
    expect(await database.db.$count(crmPeople)).toBeGreaterThan(2000);
    const loaded = await loadSampleProspects(database.db, user, NOW);
    expect(loaded.companies).toMatchObject({
      fileName: "Sample prospects (companies).csv",
      kind: "company",
      totalRows: 200,
      importedRows: 200,
      badRows: 0,
      inCrmRows: 30,
      createdBy: "Ada",
    });
    expect(loaded.people).toMatchObject({
      fileName: "Sample prospects (people).csv",
      kind: "person",
      totalRows: 1000,
      importedRows: 1000,
      badRows: 0,
      inCrmRows: 150,
    });
    expect(loaded.companies.createdAt).toBe(NOW);
    expect(await count("person")).toBe(1000);
    expect(await count("company")).toBe(200);

    const [person] = await database.db.select().from(prospects).where(eq(prospects.kind, "person")).limit(1);
    expect(person).toMatchObject({ source: "import", importId: loaded.people.id });
    expect(person?.linkedinUrl).toMatch(/^https:\/\/www\.linkedin\.com\/in\//);
    expect(Object.keys(person?.extra ?? {})).toEqual(["Seniority", "Department"]);
    const [company] = await database.db.select().from(prospects).where(eq(prospects.kind, "company")).limit(1);
    expect(Object.keys(company?.extra ?? {})).toEqual(["Employees", "Founded"]);
    const inCrm = await database.db.$count(
      prospects,
      and(eq(prospects.kind, "person"), isNotNull(prospects.crmRecordId)),
    );
    expect(inCrm).toBe(150);
  });

  it("a second load adds nothing: every row is reported as already a prospect", async () => {
    const again = await loadSampleProspects(database.db, user, NOW + 1);
    expect(again.companies).toMatchObject({ totalRows: 200, importedRows: 0, badRows: 200, inCrmRows: 0 });
    expect(again.people).toMatchObject({ totalRows: 1000, importedRows: 0, badRows: 1000, inCrmRows: 0 });
    expect(await count("person")).toBe(1000);
    expect(await count("company")).toBe(200);
    expect(await database.db.$count(prospectImports)).toBe(4);
  });

  it("says what to do when the sample files are not there", async () => {
    const empty = mkdtempSync(join(tmpdir(), "tandem-no-samples-"));
    try {
      await expect(loadSampleProspects(database.db, user, NOW, empty)).rejects.toMatchObject({
        code: "NOT_FOUND",
        message: expect.stringContaining("Import a CSV of your own instead."),
      });
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
