import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { and, eq, gte } from "drizzle-orm";
import {
  activityLog,
  crmPeople,
  fieldWrites,
  mappingRecheck,
  prospects,
  pushErrors,
  pushOutbox,
  salesforceConnection,
  syncTicks,
} from "@/db/schema";
import { insertConnection, insertPeople } from "@/server/records/testing/crm-fixtures";
import type { TPushSettings } from "@/server/settings/setting-keys";
import { readSetting, writeSetting } from "@/server/settings/settings-store";
import { signInAsAdmin, withE2eDatabase } from "../support/admin-session";

/**
 * MAP-5 on /enrichment against rows arranged directly in the e2e database: one contact linked to a
 * prospect whose title Salesforce lacks and whose phone differs, Title and Phone mapped (mode off),
 * pushing people off. Every arranged row carries the "Wombat E2E" marker or its ids and is removed
 * afterwards; the mapping, the push settings and, when this spec added one, the stand-in
 * connection are put back as they were. No Salesforce answers here: the spec stops at the outbox.
 */
test.describe.configure({ mode: "serial" });

const MARKER = "Wombat E2E";
const NAME = `${MARKER} Jane Doe`;
const PERSON_ID = `e2e-wombat-person-${randomUUID()}`;
const PROSPECT_ID = `e2e-wombat-prospect-${randomUUID()}`;
const ORG_ID = "00D000000000001EAA";
let pushSettingsBefore: TPushSettings;
let mappingBefore: Awaited<ReturnType<typeof readSetting<"mapping.fields">>>;
let addedConnection = false;
const startedAt = Date.now();

test.beforeAll(async () => {
  await withE2eDatabase(async (db) => {
    pushSettingsBefore = await readSetting(db, "push.settings");
    mappingBefore = await readSetting(db, "mapping.fields");
    if (!(await db.query.salesforceConnection.findFirst())) {
      await insertConnection(db, "https://wombat-e2e.my.salesforce.com");
      addedConnection = true;
    }
    await writeSetting(db, "push.settings", {
      ...pushSettingsBefore,
      people: { ...pushSettingsBefore.people, enabled: false },
    });
    await writeSetting(db, "mapping.fields", {
      ...mappingBefore,
      Contact: [
        { tandem: "title", salesforce: "Title", mode: "off" },
        { tandem: "phone", salesforce: "Phone", mode: "off" },
      ],
    });
    await insertPeople(db, [{ id: PERSON_ID, name: NAME, fields: { Title: null, Phone: "555 0100" } }]);
    const now = Date.now();
    await db.insert(prospects).values({
      id: PROSPECT_ID,
      kind: "person",
      name: NAME,
      title: "VP Sales",
      phone: "+1 555 010 0199",
      extra: {},
      source: "manual",
      crmRecordType: "person",
      crmRecordId: PERSON_ID,
      inCrmSince: now,
      createdAt: now,
      updatedAt: now,
    });
  });
});

test.afterAll(async () => {
  await withE2eDatabase(async (db) => {
    await db.delete(pushErrors).where(eq(pushErrors.recordId, PERSON_ID));
    await db.delete(pushOutbox).where(eq(pushOutbox.recordId, PERSON_ID));
    await db.delete(fieldWrites).where(eq(fieldWrites.recordId, PERSON_ID));
    await db.delete(activityLog).where(eq(activityLog.recordId, PERSON_ID));
    await db.delete(mappingRecheck).where(eq(mappingRecheck.recordId, PERSON_ID));
    await db.delete(prospects).where(eq(prospects.id, PROSPECT_ID));
    await db.delete(crmPeople).where(eq(crmPeople.id, PERSON_ID));
    await writeSetting(db, "push.settings", pushSettingsBefore);
    await writeSetting(db, "mapping.fields", mappingBefore);
    if (addedConnection) {
      await db.delete(salesforceConnection).where(eq(salesforceConnection.orgId, ORG_ID));
      // The one-off push runs a push tick at once; against the stand-in it fails, and says so on the Sync page.
      await db.delete(syncTicks).where(and(eq(syncTicks.trigger, "push"), gte(syncTicks.startedAt, startedAt)));
    }
  });
});

test("MAP-5: with push off, 'Use Tandem's value' asks, then queues the value once", async ({ page }) => {
  await signInAsAdmin(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Enrichment", exact: true }).click();
  await expect(page.getByRole("heading", { name: "CRM Enrichment", level: 1 })).toBeVisible();
  await expect(page.getByText("Push to Salesforce is off for people")).toBeVisible();

  const record = page.getByRole("article", { name: NAME });
  await expect(record.getByRole("link", { name: NAME })).toHaveAttribute("href", `/people/${PERSON_ID}`);
  const fields = record.getByRole("list", { name: `Fields of ${NAME}` }).getByRole("listitem");
  await expect(fields.filter({ hasText: "Title" })).toContainText("(empty)");
  await expect(fields.filter({ hasText: "Title" })).toContainText("VP Sales");
  await expect(fields.filter({ hasText: "Phone" })).toContainText("555 0100");
  await expect(fields.filter({ hasText: "Phone" })).toContainText("+1 555 010 0199");
  await page.screenshot({ path: "test-results/mapping-enrichment.png", fullPage: true });

  // Labels come from the org's describe when there is one: Contact's Phone reads "Business Phone".
  await record
    .getByRole("button", { name: new RegExp(`^Use Tandem's value for (Business )?Phone of ${NAME}$`) })
    .click();
  const dialog = page.getByRole("dialog", { name: "Send to Salesforce once?" });
  await expect(dialog).toContainText(
    "Push is off for people. Send this value to Salesforce once anyway? Push stays off for everything else.",
  );
  await dialog.getByRole("button", { name: "Send once" }).click();
  await expect(page.getByText("Queued 1 value for Salesforce; it goes in a moment.")).toBeVisible();
  await expect(dialog).toBeHidden();

  const outbox = await withE2eDatabase((db) => db.select().from(pushOutbox).where(eq(pushOutbox.recordId, PERSON_ID)));
  expect(outbox).toEqual([
    expect.objectContaining({
      oneOff: true,
      fieldValues: { Phone: { value: "+1 555 010 0199", source: "manual", from: "555 0100" } },
    }),
  ]);
  // Push stays off for everything else.
  expect((await withE2eDatabase((db) => readSetting(db, "push.settings"))).people.enabled).toBe(false);
});

test("/enrichment passes axe's WCAG 2.1 AA rules in light and dark", async ({ page }) => {
  await signInAsAdmin(page);
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto("/enrichment");
    await expect(page.getByRole("article", { name: NAME })).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(
      results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(" ")}`),
      `/enrichment ${colorScheme}`,
    ).toEqual([]);
    await page.screenshot({ path: `test-results/mapping-enrichment-${colorScheme}.png`, fullPage: true });
  }
});
