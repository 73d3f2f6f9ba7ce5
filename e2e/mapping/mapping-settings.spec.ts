import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { eq, gte, inArray } from "drizzle-orm";
import { crmPeople, fieldWrites, mappingRecheck, prospects, salesforceConnection, settings } from "@/db/schema";
import { insertConnection } from "@/server/records/testing/crm-fixtures";
import type { TOrgPushInfo } from "@/server/settings/setting-keys";
import { readSetting, writeSetting } from "@/server/settings/settings-store";
import { signInAsAdmin, withE2eDatabase } from "../support/admin-session";

/**
 * MAP-1 to MAP-3 on /settings/mapping, against an org describe stored as a check would leave it
 * (read just now, so the page does not read the org again) and two contacts linked to prospects,
 * named with the "Quokka Map E2E" marker and removed afterwards. The settings this spec writes
 * and, when it had to add one, the stand-in connection are put back as they were.
 */
test.describe.configure({ mode: "serial" });

const MARKER = "Quokka Map E2E";
const WRITTEN = { personId: "e2e-quokka-map-person-1", prospectId: "e2e-quokka-map-prospect-1" };
const KEPT = { personId: "e2e-quokka-map-person-2", prospectId: "e2e-quokka-map-prospect-2" };
const ORG_ID = "00D000000000001EAA";
const KEYS = ["salesforce.pushInfo", "mapping.fields", "push.settings"] as const;
let settingsBefore: Array<typeof settings.$inferSelect> = [];
let addedConnection = false;
const startedAt = Date.now();

type TField = NonNullable<TOrgPushInfo["mappableFields"]>[string][number];
const field = (name: string, type: string, length: number, label = name, picklistValues: string[] = []): TField => ({
  name,
  label,
  type,
  length,
  updateable: true,
  picklistValues,
});
const INDUSTRY = field("Industry", "picklist", 255, "Industry", ["Banking", "Software"]);
const MAPPABLE_FIELDS = {
  Contact: [
    field("Title", "string", 128),
    field("Phone", "phone", 40, "Business Phone"),
    field("MailingCity", "string", 40, "Mailing City"),
    field("MailingCountry", "string", 80, "Mailing Country"),
    field("Description", "textarea", 32000),
  ],
  Lead: [
    field("Title", "string", 128),
    field("Phone", "phone", 40),
    field("Website", "url", 255),
    INDUSTRY,
    field("City", "string", 40),
    field("Country", "string", 80),
  ],
  Account: [
    field("Phone", "phone", 40, "Account Phone"),
    INDUSTRY,
    field("Website", "url", 255),
    field("BillingCity", "string", 40, "Billing City"),
    field("BillingCountry", "string", 80, "Billing Country"),
  ],
};

test.beforeAll(async () => {
  await withE2eDatabase(async (db) => {
    settingsBefore = await db
      .select()
      .from(settings)
      .where(inArray(settings.key, [...KEYS]));
    let connection = await db.query.salesforceConnection.findFirst();
    if (!connection) {
      await insertConnection(db, "https://quokka-map-e2e.my.salesforce.com");
      connection = await db.query.salesforceConnection.findFirst();
      addedConnection = true;
    }
    await writeSetting(db, "salesforce.pushInfo", {
      checkedAt: Date.now(),
      orgId: connection?.orgId ?? ORG_ID,
      tandemIdObjects: [],
      enhancedNotes: true,
      opportunityStages: [],
      leadStatuses: [],
      users: [],
      mappableFields: MAPPABLE_FIELDS,
    });
    await db.delete(settings).where(eq(settings.key, "mapping.fields"));
    const push = await readSetting(db, "push.settings");
    await writeSetting(db, "push.settings", { ...push, people: { ...push.people, enabled: false } });

    const now = Date.now();
    const people = [
      { ...WRITTEN, name: `${MARKER} Ada Quill`, title: null, prospectTitle: "VP Sales" },
      { ...KEPT, name: `${MARKER} Bo Reed`, title: "Head of Sales", prospectTitle: "Sales Director" },
    ];
    await db.insert(crmPeople).values(
      people.map((person, index) => ({
        id: person.personId,
        sfId: `003E2EQMAP00000${index + 1}AA`,
        kind: "contact" as const,
        name: person.name,
        title: person.title,
        fields: { Title: person.title },
        source: "pull" as const,
        createdAt: now,
        updatedAt: now,
      })),
    );
    await db.insert(prospects).values(
      people.map((person) => ({
        id: person.prospectId,
        kind: "person" as const,
        name: person.name,
        title: person.prospectTitle,
        extra: {},
        source: "manual" as const,
        crmRecordType: "person" as const,
        crmRecordId: person.personId,
        inCrmSince: now,
        createdAt: now,
        updatedAt: now,
      })),
    );
  });
});

test.afterAll(async () => {
  await withE2eDatabase(async (db) => {
    const personIds = [WRITTEN.personId, KEPT.personId];
    await db.delete(prospects).where(inArray(prospects.id, [WRITTEN.prospectId, KEPT.prospectId]));
    await db.delete(fieldWrites).where(inArray(fieldWrites.recordId, personIds));
    await db.delete(crmPeople).where(inArray(crmPeople.id, personIds));
    // Saving queues every linked record for the next pull (MAP-4); nothing pulls here.
    await db.delete(mappingRecheck).where(gte(mappingRecheck.queuedAt, startedAt));
    await db.delete(settings).where(inArray(settings.key, [...KEYS]));
    if (settingsBefore.length) await db.insert(settings).values(settingsBefore);
    if (addedConnection) await db.delete(salesforceConnection).where(eq(salesforceConnection.orgId, ORG_ID));
  });
});

/** The Contacts tab; the other tabs stay mounted but hidden. */
const contactsTab = (page: Page) => page.getByRole("tabpanel", { name: /^Contacts/ });
const contactRows = (page: Page) => contactsTab(page).getByRole("region", { name: "Contact fields" });

async function expectNoAxeViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(
    results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(" ")}`),
    label,
  ).toEqual([]);
}

test("MAP-2: an admin sees what auto-fill of Title writes before saving it, and the mapping is kept", async ({
  page,
}) => {
  await signInAsAdmin(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Field mapping" }).click();
  await expect(page.getByRole("heading", { name: "Field mapping", level: 1 })).toBeVisible();
  const tab = contactsTab(page);
  await expect(tab.getByText("Push is off for people: nothing is sent to Salesforce.")).toBeVisible();
  const rows = contactRows(page);
  await expect(rows.getByRole("combobox", { name: /^Mode, row/ })).toHaveText(["Off", "Off", "Off", "Off"]);

  await rows.getByRole("combobox", { name: "Mode, row 1 (Job title)" }).click();
  await page.getByRole("option", { name: "Auto-fill" }).click();
  const preview = tab.getByRole("region", { name: "Before you save: the next pull" });
  await expect(preview).toContainText("The next pull writes 1 field on 1 record.");
  const example = preview.getByRole("listitem").filter({ hasText: `${MARKER} Ada Quill` });
  await expect(example).toContainText("(empty)");
  await expect(example).toContainText("VP Sales");
  await expect(example.getByRole("link", { name: `${MARKER} Ada Quill` })).toHaveAttribute(
    "href",
    `/people/${WRITTEN.personId}`,
  );
  await page.screenshot({ path: "test-results/mapping-preview.png", fullPage: true });

  // Saved by keyboard: with nothing left to save, Save reads as unavailable but keeps the focus
  // until it moves on (a `disabled` button would drop it to the page), and only then leaves the tab order.
  const save = tab.getByRole("button", { name: "Save", exact: true });
  await save.focus();
  await page.keyboard.press("Enter");
  const saved = page.getByText(/^Saved\. The next pull applies it to \d+ linked records?\.$/);
  await expect(saved).toBeVisible();
  await expect(save).toHaveAttribute("aria-disabled", "true");
  await expect(save).toBeFocused();
  await page.screenshot({ path: "test-results/mapping-saved-focus.png" });
  await page.keyboard.press("Enter");
  await expect(saved).toHaveCount(1);
  await page.keyboard.press("Shift+Tab");
  await expect(save).not.toBeFocused();
  await expect(save).toHaveAttribute("disabled", "");
  await page.reload();
  await expect(contactRows(page).getByRole("combobox", { name: "Mode, row 1 (Job title)" })).toHaveText("Auto-fill");
  const stored = await withE2eDatabase((db) => readSetting(db, "mapping.fields"));
  expect(stored.Contact?.[0]).toEqual({ tandem: "title", salesforce: "Title", mode: "auto-fill" });
});

test("MAP-1: an incompatible pair is explained before saving, and Save waits for a fix", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto("/settings/mapping");
  const tab = contactsTab(page);
  const rows = contactRows(page);
  await rows.getByRole("combobox", { name: "Tandem field, row 2" }).click();
  await page.getByRole("option", { name: "Job title" }).click();
  await expect(rows.getByText(/Contact\.Phone is a phone field; Job title \(text\) fits/)).toBeVisible();
  await expect(tab.getByText("Fix the rows marked with a problem to save.")).toBeVisible();
  await expect(tab.getByRole("button", { name: "Save", exact: true })).toBeDisabled();
  await page.screenshot({ path: "test-results/mapping-incompatible.png", fullPage: true });
  await expectNoAxeViolations(page, "/settings/mapping with a problem row");

  await tab.getByRole("button", { name: "Discard changes" }).click();
  await expect(rows.getByText(/is a phone field/)).toBeHidden();
});

test("/settings/mapping passes axe's WCAG 2.1 AA rules, light and wide, dark and narrow", async ({ page }) => {
  await signInAsAdmin(page);
  for (const [colorScheme, width] of [
    ["light", 1280],
    ["dark", 390],
  ] as const) {
    await page.emulateMedia({ colorScheme });
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/settings/mapping");
    await expect(contactRows(page)).toBeVisible();
    await expectNoAxeViolations(page, `/settings/mapping ${colorScheme} at ${width}px`);
    await page.screenshot({ path: `test-results/mapping-${colorScheme}-${width}.png`, fullPage: true });
  }
});
