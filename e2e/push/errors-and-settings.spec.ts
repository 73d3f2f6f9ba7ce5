import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { and, eq, gte, inArray, like } from "drizzle-orm";
import {
  crmAccounts,
  crmActivities,
  crmPeople,
  pushErrors,
  pushOutbox,
  salesforceConnection,
  settings,
  syncTicks,
} from "@/db/schema";
import { toStatement } from "@/db/statements";
import { insertFailedPush } from "@/server/push-errors/testing/push-error-fixtures";
import { insertConnection } from "@/server/records/testing/crm-fixtures";
import type { TPushSettings } from "@/server/settings/setting-keys";
import { readSetting, writeSetting } from "@/server/settings/settings-store";
import { enqueuePushStatement } from "@/server/sync/push/enqueue";
import { signInAsAdmin, withE2eDatabase } from "../support/admin-session";

/**
 * PUSH-1 on /settings/salesforce and ERR-1 on /errors, against rows arranged directly in the e2e
 * database: a local account (created while pushing accounts was off) and refused pushes, every
 * one named with the "Quokka E2E" marker and removed afterwards. The push settings and, when this
 * spec had to add one, the stand-in connection are put back as they were.
 */
test.describe.configure({ mode: "serial" });

const MARKER = "Quokka E2E";
const LOCAL_ACCOUNT_ID = "e2e-quokka-local-account";
const ORG_ID = "00D000000000001EAA";
let pushSettingsBefore: TPushSettings;
let setupProgressBefore: Awaited<ReturnType<typeof readSetting<"setup.progress">>>;
let addedConnection = false;
const startedAt = Date.now();

async function removeMarkedRows() {
  await withE2eDatabase(async (db) => {
    const errors = await db
      .select({ recordId: pushErrors.recordId })
      .from(pushErrors)
      .where(like(pushErrors.recordName, `${MARKER}%`));
    const ids = [...errors.map((error) => error.recordId), LOCAL_ACCOUNT_ID];
    await db.delete(pushErrors).where(like(pushErrors.recordName, `${MARKER}%`));
    await db.delete(pushOutbox).where(inArray(pushOutbox.recordId, ids));
    await db.delete(crmPeople).where(inArray(crmPeople.id, ids));
    await db.delete(crmAccounts).where(inArray(crmAccounts.id, ids));
    await db.delete(crmActivities).where(inArray(crmActivities.id, ids));
  });
}

test.beforeAll(async () => {
  await withE2eDatabase(async (db) => {
    pushSettingsBefore = await readSetting(db, "push.settings");
    setupProgressBefore = await readSetting(db, "setup.progress");
    // The Tandem ID check needs a connected org to describe: a stand-in when none is connected yet.
    if (!(await db.query.salesforceConnection.findFirst())) {
      await insertConnection(db, "https://quokka-e2e.my.salesforce.com");
      await writeSetting(db, "salesforce.pushInfo", {
        checkedAt: Date.now() - 3_600_000,
        orgId: ORG_ID,
        tandemIdObjects: ["Account", "Contact", "Lead", "Opportunity"],
        enhancedNotes: true,
        opportunityStages: [],
        leadStatuses: [],
        users: [],
      });
      addedConnection = true;
    }
    const now = Date.now();
    await db.$client.batch(
      [
        toStatement(
          db.insert(crmAccounts).values({
            id: LOCAL_ACCOUNT_ID,
            name: `${MARKER} Holdings`,
            fields: {},
            source: "tandem",
            pushState: "local",
            createdAt: now,
            updatedAt: now,
          }),
        ),
        enqueuePushStatement({
          recordType: "account",
          recordId: LOCAL_ACCOUNT_ID,
          kind: "accounts",
          operation: "create",
          fields: [],
          createdBy: null,
          now,
        }),
      ],
      "write",
    );
  });
});

test.afterAll(async () => {
  await removeMarkedRows();
  await withE2eDatabase(async (db) => {
    await writeSetting(db, "push.settings", pushSettingsBefore);
    await writeSetting(db, "setup.progress", setupProgressBefore);
    if (addedConnection) {
      await db.delete(salesforceConnection).where(eq(salesforceConnection.orgId, ORG_ID));
      await db.delete(settings).where(eq(settings.key, "salesforce.pushInfo"));
      // A retry runs a push tick at once; against the stand-in it fails, and says so on the Sync page.
      await db.delete(syncTicks).where(and(eq(syncTicks.trigger, "push"), gte(syncTicks.startedAt, startedAt)));
    }
  });
});

async function expectNoAxeViolations(page: Page, path: string, name: string, ready: () => Promise<void>) {
  for (const colorScheme of ["light", "dark"] as const) {
    for (const width of [1280, 390]) {
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize({ width, height: 900 });
      await page.goto(path);
      await ready();
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      expect(
        results.violations.map(
          (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(" ")}`,
        ),
        `${path} ${colorScheme} at ${width}px`,
      ).toEqual([]);
      if (width === 1280)
        await page.screenshot({ path: `test-results/push-${name}-${colorScheme}.png`, fullPage: true });
    }
  }
}

test("PUSH-1: an admin turns a kind on from Settings → Salesforce, answering for the records only in Tandem", async ({
  page,
}) => {
  await signInAsAdmin(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Salesforce", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Salesforce", level: 1 })).toBeVisible();
  const pushes = page.getByRole("region", { name: "What Tandem pushes" });
  await expect(pushes.getByText(/\d+ not in Salesforce/).first()).toBeVisible();

  const accounts = page.locator("#push-accounts");
  await expect(accounts).toHaveAttribute("aria-checked", "false");
  await accounts.click();
  const dialog = page.getByRole("dialog", { name: "Push accounts to Salesforce" });
  await expect(dialog).toContainText(/\d+ accounts? (is|are) in Tandem but not in Salesforce\. Push (it|them) too, or/);
  await page.screenshot({ path: "test-results/push-settings-dialog.png" });
  await dialog.getByRole("button", { name: "Only new ones" }).click();
  await expect(dialog).toBeHidden();
  await expect(accounts).toHaveAttribute("aria-checked", "true");
  await expect(page.getByText(/New accounts go to Salesforce; \d+ accounts? stays? in Tandem only/)).toBeVisible();

  const after = await withE2eDatabase(async (db) => ({
    account: await db.query.crmAccounts.findFirst({ where: eq(crmAccounts.id, LOCAL_ACCOUNT_ID) }),
    outbox: await db.query.pushOutbox.findFirst({ where: eq(pushOutbox.recordId, LOCAL_ACCOUNT_ID) }),
  }));
  expect(after.account?.pushState).toBe("local");
  expect(after.outbox?.state).toBe("cancelled");

  // People go as Leads from now on; then everything is switched off again.
  await pushes.getByRole("combobox", { name: "People go to Salesforce as" }).click();
  await page.getByRole("option", { name: "Leads" }).click();
  await expect(page.getByText("New people go to Salesforce as Leads.")).toBeVisible();
  await accounts.click();
  await expect(accounts).toHaveAttribute("aria-checked", "false");

  const tandemId = page.getByRole("region", { name: "The Tandem ID field" });
  await expect(tandemId.getByRole("list", { name: "Tandem_Id__c per object" }).getByRole("listitem")).toHaveCount(6);
  await expect(tandemId).toContainText("Setup → Object Manager");
  await expect(tandemId.getByRole("button", { name: /Check (again|now)/ })).toBeVisible();
  await page.screenshot({ path: "test-results/push-settings.png", fullPage: true });
});

test("ERR-1: with nothing refused, /errors says everything reached Salesforce", async ({ page }) => {
  await signInAsAdmin(page);
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: /^Errors/ })
    .click();
  await expect(page.getByRole("heading", { name: "Errors", level: 1 })).toBeVisible();
  await expect(page.getByText("No push errors.")).toBeVisible();
  await expect(page.getByText("Everything Tandem sent reached Salesforce.")).toBeVisible();
  await page.screenshot({ path: "test-results/push-errors-empty.png", fullPage: true });
});

test("ERR-1: the log shows what Salesforce refused with the fix; retry, create anyway and dismiss", async ({
  page,
}) => {
  const arranged = await withE2eDatabase(async (db) => {
    const now = Date.now();
    const jane = await insertFailedPush(db, {
      name: `${MARKER} Jane Doe`,
      code: "FIELD_CUSTOM_VALIDATION_EXCEPTION",
      message: "A contact from the web needs an email address",
      fields: ["Email"],
      operation: "update",
      attempts: 1,
      at: now - 120_000,
    });
    const call = await insertFailedPush(db, {
      recordType: "activity",
      name: `${MARKER} Intro call`,
      personId: jane.recordId,
      code: "STRING_TOO_LONG",
      message: "Subject: data value too large (max length=255)",
      fields: ["Subject"],
      attempts: 3,
      at: now - 60_000,
    });
    const duplicate = await insertFailedPush(db, {
      name: `${MARKER} John Roe`,
      code: "DUPLICATES_DETECTED",
      message: "A duplicate rule matched existing records.",
      duplicates: [{ id: "003E2E000000001AAA", object: "Contact" }],
      at: now,
    });
    return { jane, call, duplicate };
  });

  await signInAsAdmin(page);
  const errorsLink = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Errors/ });
  await expect(errorsLink).toContainText(/\d+ open/);
  await page.goto("/errors");
  const table = page.getByRole("table", { name: "Push errors" });
  const janeRow = table.getByRole("row", { name: new RegExp(`${MARKER} Jane Doe`) });
  await expect(janeRow).toContainText("FIELD_CUSTOM_VALIDATION_EXCEPTION");
  await expect(janeRow).toContainText("Change Email so the rule is satisfied");
  const callRow = table.getByRole("row", { name: new RegExp(`${MARKER} Intro call`) });
  await expect(callRow.getByRole("link", { name: `${MARKER} Intro call` })).toHaveAttribute(
    "href",
    `/people/${arranged.jane.recordId}`,
  );
  await page.screenshot({ path: "test-results/push-errors-log.png", fullPage: true });

  // Filters live in the URL.
  await page.getByRole("combobox", { name: "Salesforce code" }).click();
  await page.getByRole("option", { name: /^DUPLICATES_DETECTED/ }).click();
  await expect(page).toHaveURL(/code=DUPLICATES_DETECTED/);
  const johnRow = table.getByRole("row", { name: new RegExp(`${MARKER} John Roe`) });
  await expect(johnRow.getByRole("link", { name: /Existing Contact 003E2E000000001AAA/ })).toBeVisible();
  await johnRow.getByRole("button", { name: `Create anyway: ${MARKER} John Roe` }).click();
  const dialog = page.getByRole("dialog", { name: `Create ${MARKER} John Roe anyway?` });
  await expect(dialog).toContainText("Salesforce holds both records");
  await dialog.getByRole("button", { name: "Create anyway" }).click();
  await expect(page.getByText("Creating it in Salesforce anyway, past the duplicate rule.")).toBeVisible();
  await expect(johnRow).toContainText("Retrying");

  await page.goto("/errors");
  await table.getByRole("button", { name: `Retry ${MARKER} Intro call` }).click();
  await expect(page.getByText("Sending 1 push to Salesforce again.")).toBeVisible();
  await expect(callRow).toContainText("Retrying");
  await janeRow.getByRole("button", { name: `More actions for ${MARKER} Jane Doe` }).click();
  await page.getByRole("menuitem", { name: "Dismiss" }).click();
  await expect(janeRow).toBeHidden();

  const stored = await withE2eDatabase(async (db) => ({
    duplicate: await db.query.pushOutbox.findFirst({ where: eq(pushOutbox.id, arranged.duplicate.outboxId) }),
    call: await db.query.pushOutbox.findFirst({ where: eq(pushOutbox.id, arranged.call.outboxId) }),
    jane: await db.query.pushErrors.findFirst({ where: eq(pushErrors.id, arranged.jane.errorId) }),
  }));
  expect(stored.duplicate).toMatchObject({ state: "pending", allowDuplicates: true });
  expect(stored.call).toMatchObject({ state: "pending", attempts: 0 });
  expect(stored.jane?.state).toBe("dismissed");

  await page.goto("/errors?state=dismissed");
  await expect(janeRow).toContainText("Dismissed");

  await page.goto("/sync");
  const card = page.getByRole("region", { name: "Push errors" });
  await expect(card).toContainText(/\d+ pushes? waits? for a fix/);
  await page.screenshot({ path: "test-results/push-sync-card.png", fullPage: true });
  await card.getByRole("link", { name: "Open the error log" }).click();
  await expect(page).toHaveURL(/\/errors$/);
});

test('the wizard\'s step "What Tandem pushes" uses the same switches, and pushing nothing for now is an answer', async ({
  page,
}) => {
  await signInAsAdmin(page);
  await page.goto("/setup?step=push");
  await expect(page.getByRole("heading", { name: "What Tandem pushes", level: 1 })).toBeVisible();
  await expect(page.locator("#push-people")).toHaveAttribute("aria-checked", "false");
  await expect(page.getByRole("list", { name: "Tandem_Id__c per object" })).toBeVisible();
  await page.screenshot({ path: "test-results/push-wizard-step.png", fullPage: true });
  await page.getByRole("button", { name: "Push nothing for now" }).click();
  await expect(page.getByRole("heading", { name: "First sync", level: 1 })).toBeVisible();
  const progress = await withE2eDatabase((db) => readSetting(db, "setup.progress"));
  expect(progress.pushReviewed).toBe(true);
});

test("/settings/salesforce and /errors pass axe's WCAG 2.1 AA rules, wide and narrow, light and dark", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signInAsAdmin(page);
  await expectNoAxeViolations(page, "/settings/salesforce", "settings", () =>
    expect(page.getByRole("region", { name: "The Tandem ID field" })).toBeVisible(),
  );
  await expectNoAxeViolations(page, "/errors?state=all", "errors", () =>
    expect(page.getByRole("table", { name: "Push errors" })).toBeVisible(),
  );
  await expectNoAxeViolations(page, "/setup?step=push", "wizard-step", () =>
    expect(page.getByRole("list", { name: "Tandem_Id__c per object" })).toBeVisible(),
  );
  await removeMarkedRows();
  await expectNoAxeViolations(page, "/errors", "errors-empty", () =>
    expect(page.getByText("Everything Tandem sent reached Salesforce.")).toBeVisible(),
  );
});
