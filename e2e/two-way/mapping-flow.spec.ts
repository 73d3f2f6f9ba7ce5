import { expect, test } from "@playwright/test";
import { and, eq, inArray, isNotNull, like } from "drizzle-orm";
import { activityLog, crmPeople, fieldWrites, mappingRecheck, prospectImports, prospects, settings } from "@/db/schema";
import type { TPushSettings } from "@/server/settings/setting-keys";
import { readSetting, writeSetting } from "@/server/settings/settings-store";
import { signInAsAdmin, withE2eDatabase } from "../support/admin-session";
import { connectDemoOrg, emulatorSoql, syncUntilDone } from "../support/demo-org";
import { E2E_AUTH_SECRET } from "../support/paths";

/**
 * Field mapping and CRM Enrichment as a newcomer meets them in the demo (issue "Field mapping and
 * CRM Enrichment", done when): the sample prospects loaded in one click, Title mapped to
 * auto-fill, a sync, the empty titles filled in Salesforce, then one phone enriched by hand from
 * /enrichment while Phone's mode is off, and seen in Salesforce. Salesforce is the e2e emulator
 * with the demo org; the sample prospects and the settings are put back afterwards.
 */
test.describe.configure({ mode: "serial" });

let pushBefore: TPushSettings;
/** Linked contacts whose title is empty in Salesforce while their prospect has one. */
let emptyTitles: Array<{ sfId: string; title: string }> = [];

async function soql<T>(query: string): Promise<T[]> {
  return (await emulatorSoql<T>(query)).records;
}

test.beforeAll(async ({ baseURL }) => {
  process.env.AUTH_SECRET = E2E_AUTH_SECRET;
  await connectDemoOrg();
  await withE2eDatabase(async (db) => {
    pushBefore = await readSetting(db, "push.settings");
    await writeSetting(db, "push.settings", { ...pushBefore, people: { enabled: true, as: "Contact" } });
    // The Prospects page offers the sample only while it is empty.
    await db.delete(prospects);
  });
  await syncUntilDone(baseURL!);
});

test.afterAll(async () => {
  await withE2eDatabase(async (db) => {
    await writeSetting(db, "push.settings", pushBefore);
    await db.delete(settings).where(eq(settings.key, "mapping.fields"));
    const imports = (
      await db
        .select({ id: prospectImports.id })
        .from(prospectImports)
        .where(like(prospectImports.fileName, "Sample prospects (%"))
    ).map((row) => row.id);
    const loaded = (
      await db.select({ id: prospects.id }).from(prospects).where(inArray(prospects.importId, imports))
    ).map((row) => row.id);
    for (let start = 0; start < loaded.length; start += 500)
      await db.delete(activityLog).where(inArray(activityLog.recordId, loaded.slice(start, start + 500)));
    await db.delete(prospects).where(inArray(prospects.importId, imports));
    await db.delete(prospectImports).where(inArray(prospectImports.id, imports));
    await db.delete(mappingRecheck);
    await db.delete(fieldWrites);
  });
});

test("the sample prospects load in one click and match the demo org (PULL-3)", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto("/people/prospects");
  await page.getByRole("button", { name: "Load sample prospects" }).click();
  await expect(page.getByText("Loaded 1,000 people and 200 companies.").first()).toBeVisible({ timeout: 30_000 });

  emptyTitles = await withE2eDatabase(async (db) => {
    const rows = await db
      .select({ sfId: crmPeople.sfId, fields: crmPeople.fields, title: prospects.title })
      .from(prospects)
      .innerJoin(crmPeople, eq(crmPeople.id, prospects.crmRecordId))
      .where(and(eq(crmPeople.kind, "contact"), isNotNull(prospects.title), isNotNull(crmPeople.sfId)));
    return rows.filter((row) => !row.fields.Title).map((row) => ({ sfId: row.sfId!, title: row.title! }));
  });
  expect(emptyTitles.length).toBeGreaterThan(10);
});

test("MAP-2: Title mapped to auto-fill fills the empty titles in Salesforce at the next sync", async ({
  page,
  baseURL,
}) => {
  await signInAsAdmin(page);
  await page.goto("/settings/mapping");
  const tab = page.getByRole("tabpanel", { name: /^Contacts/ });
  await tab.getByRole("combobox", { name: "Mode, row 1 (Job title)" }).click();
  await page.getByRole("option", { name: "Auto-fill" }).click();
  const preview = tab.getByRole("region", { name: "Before you save: the next pull" });
  await expect(preview.getByText(/writes \d+ fields? on \d+ records?/)).toBeVisible();
  await tab.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText(/Saved\./).first()).toBeVisible();

  await syncUntilDone(baseURL!);
  const ids = emptyTitles.map((row) => `'${row.sfId}'`).join(", ");
  await expect
    .poll(
      async () =>
        (await soql<{ Id: string; Title: string | null }>(`SELECT Id, Title FROM Contact WHERE Id IN (${ids})`)).filter(
          (c) => !c.Title,
        ).length,
      {
        timeout: 30_000,
      },
    )
    .toBe(0);
  const titles = new Map(
    (await soql<{ Id: string; Title: string }>(`SELECT Id, Title FROM Contact WHERE Id IN (${ids})`)).map((c) => [
      c.Id,
      c.Title,
    ]),
  );
  for (const row of emptyTitles) expect(titles.get(row.sfId)).toBe(row.title);
});

test("MAP-5: one phone enriched by hand from /enrichment goes to Salesforce although Phone's mode is off", async ({
  page,
}) => {
  await signInAsAdmin(page);
  await page.goto("/enrichment?field=Phone&object=Contact");
  const record = page.getByRole("article").first();
  const name = (await record.getByRole("link").first().textContent())!.trim();
  const button = record.getByRole("button", { name: new RegExp(`^Use Tandem's value for (Business )?Phone of `) });
  await button.click();
  await expect(page.getByText(/Queued 1 value for Salesforce/)).toBeVisible();

  const person = await withE2eDatabase((db) => db.query.crmPeople.findFirst({ where: eq(crmPeople.name, name) }));
  const prospect = await withE2eDatabase((db) =>
    db.query.prospects.findFirst({ where: eq(prospects.crmRecordId, person!.id) }),
  );
  await expect
    .poll(
      async () => (await soql<{ Phone: string }>(`SELECT Phone FROM Contact WHERE Id = '${person!.sfId}'`))[0]?.Phone,
      {
        timeout: 30_000,
      },
    )
    .toBe(prospect!.phone);
  await page.goto(`/people/${person!.id}`);
  await expect(page.getByText(/set to Tandem's value by hand/).first()).toBeVisible();
});
