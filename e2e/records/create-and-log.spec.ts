import { mkdirSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { inArray, like, or } from "drizzle-orm";
import {
  activityLog,
  crmAccounts,
  crmActivities,
  crmOpportunities,
  crmPeople,
  prospects,
  pushOutbox,
  settings,
} from "@/db/schema";
import { buildProspectDraft } from "@/server/prospects/build-prospect-draft";
import { insertProspects } from "@/server/prospects/insert-prospects";
import { insertAccounts } from "@/server/records/testing/crm-fixtures";
import { writeSetting } from "@/server/settings/settings-store";
import { E2E_ADMIN, signInAsAdmin, withE2eDatabase } from "../support/admin-session";

/**
 * Creating and working records in Tandem with every push kind off (PUSH-1's default): a new
 * contact with a new company, a company that matches two accounts, a call on the timeline, an
 * edit, an account with an opportunity, and a prospect added to the CRM. Every record is named with the "Wombat" marker (or
 * mailed at wombat-e2e.example) and removed afterwards; the push settings and the org's push facts
 * are put back as they were.
 */
test.describe.configure({ mode: "serial" });

const DOMAIN = "wombat-e2e.example";
const COMPANY = "Wombat Widgets E2E";
const TWINS = "Wombat Twins E2E";
const SCREENSHOTS = ".cache/tmp";
const SETTING_KEYS = ["push.settings", "salesforce.pushInfo"] as const;
let settingsBefore: Array<{ key: string; value: unknown }> = [];
let profileUrl = "";

async function removeMarkedRows() {
  await withE2eDatabase(async (db) => {
    const people = await db
      .select({ id: crmPeople.id })
      .from(crmPeople)
      .where(or(like(crmPeople.email, `%@${DOMAIN}`), like(crmPeople.name, "%Wombat%")));
    const accounts = await db
      .select({ id: crmAccounts.id })
      .from(crmAccounts)
      .where(like(crmAccounts.name, "Wombat%E2E"));
    const personIds = people.map((row) => row.id);
    const accountIds = accounts.map((row) => row.id);
    const activities = personIds.length
      ? await db.select({ id: crmActivities.id }).from(crmActivities).where(inArray(crmActivities.personId, personIds))
      : [];
    const marked = await db
      .select({ id: prospects.id })
      .from(prospects)
      .where(like(prospects.email, `%@${DOMAIN}`));
    const opportunities = accountIds.length
      ? await db
          .select({ id: crmOpportunities.id })
          .from(crmOpportunities)
          .where(inArray(crmOpportunities.accountId, accountIds))
      : [];
    const ids = [
      ...personIds,
      ...accountIds,
      ...opportunities.map((row) => row.id),
      ...activities.map((row) => row.id),
      ...marked.map((row) => row.id),
    ];
    if (ids.length === 0) return;
    await db.delete(activityLog).where(inArray(activityLog.recordId, ids));
    await db.delete(pushOutbox).where(inArray(pushOutbox.recordId, ids));
    await db.delete(crmActivities).where(inArray(crmActivities.id, ids));
    await db.delete(crmPeople).where(inArray(crmPeople.id, ids));
    await db.delete(crmOpportunities).where(inArray(crmOpportunities.id, ids));
    await db.delete(crmAccounts).where(inArray(crmAccounts.id, ids));
    await db.delete(prospects).where(inArray(prospects.id, ids));
  });
}

test.beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await removeMarkedRows();
  await withE2eDatabase(async (db) => {
    settingsBefore = await db
      .select({ key: settings.key, value: settings.value })
      .from(settings)
      .where(inArray(settings.key, [...SETTING_KEYS]));
    // PUSH-1: everything off, people as contacts.
    await writeSetting(db, "push.settings", {
      people: { enabled: false, as: "Contact" },
      accounts: { enabled: false },
      opportunities: { enabled: false },
      activities: { enabled: false },
      tasks: { enabled: false },
      meetings: { enabled: false },
      notes: { enabled: false },
    });
    // The org's facts as the describe check leaves them: its stages and users, one with the admin's email.
    await writeSetting(db, "salesforce.pushInfo", {
      checkedAt: Date.now() - 3_600_000,
      orgId: "00D000000000001EAA",
      tandemIdObjects: ["Account", "Contact", "Lead"],
      enhancedNotes: true,
      opportunityStages: [
        { value: "Prospecting", label: "Prospecting", isDefault: true },
        { value: "Closed Won", label: "Closed Won", isDefault: false },
      ],
      leadStatuses: [{ value: "Open - Not Contacted", label: "Open - Not Contacted", isDefault: true }],
      users: [
        { id: "005E2E000000001AAA", name: "Integration User", email: "integration@example.com" },
        { id: "005E2E000000002AAA", name: E2E_ADMIN.name, email: E2E_ADMIN.email },
      ],
    });
    await insertAccounts(db, [
      { name: TWINS, website: `one.${DOMAIN}`, domainNormalized: `one.${DOMAIN}` },
      { name: TWINS, website: `two.${DOMAIN}`, domainNormalized: `two.${DOMAIN}` },
    ]);
    await insertProspects(
      db,
      "person",
      [
        {
          draft: buildProspectDraft("person", {
            firstName: "Walter",
            lastName: "Wombat",
            email: `walter@${DOMAIN}`,
            company: COMPANY,
          }),
        },
        {
          draft: buildProspectDraft("person", {
            firstName: "Wilma",
            lastName: "Wombat",
            email: `wilma@${DOMAIN}`,
            company: "Burrow Works",
          }),
        },
        {
          draft: buildProspectDraft("person", {
            firstName: "Wanda",
            lastName: "Wombat",
            email: `wanda@${DOMAIN}`,
            company: "Burrow Works",
          }),
        },
      ],
      { source: "manual", createdBy: null, createdByName: "E2E" },
      Date.now(),
    );
  });
});

test.afterAll(async () => {
  await removeMarkedRows();
  await withE2eDatabase(async (db) => {
    await db.delete(settings).where(inArray(settings.key, [...SETTING_KEYS]));
    for (const row of settingsBefore) {
      await db.insert(settings).values({ key: row.key, value: row.value, updatedAt: new Date() });
    }
  });
});

/** WCAG 2.1 AA, as the other pages are checked: each violation with the elements it names. */
async function axeViolations(page: Page, where: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations.map(
    (violation) => `${where}: ${violation.id}: ${violation.nodes.map((node) => node.target).join(" ")}`,
  );
}

test("PUSH-1: a rep creates a contact with a new company and its profile says it is not in Salesforce", async ({
  page,
}) => {
  await signInAsAdmin(page);
  await page.goto("/people");
  await page.getByRole("button", { name: "New person" }).click();
  const dialog = page.getByRole("dialog", { name: "New person" });
  await expect(dialog.getByRole("radio", { name: /^Contact/ })).toBeChecked();
  await expect(dialog).toContainText(`Owner in Salesforce: ${E2E_ADMIN.name} (matched by your email).`);
  await expect(dialog).toContainText("Pushing people to Salesforce is off");

  // Nothing is sent until the form says what to fix.
  await dialog.getByRole("button", { name: "Create contact" }).click();
  await expect(dialog.getByText("Enter the last name.")).toBeVisible();
  await expect(dialog.getByLabel("Last name")).toBeFocused();
  await dialog.getByLabel("Email").fill("wendy at wombat");
  await dialog.getByRole("button", { name: "Create contact" }).click();
  await expect(dialog.getByText(/Enter a valid email address/)).toBeVisible();
  // Focus moves to the first field to fix a frame after the messages show: wait for it before typing.
  await expect(dialog.getByLabel("Last name")).toBeFocused();

  await dialog.getByLabel("First name").fill("Wendy");
  await dialog.getByLabel("Last name").fill("Wombat");
  await dialog.getByLabel("Email").fill(`wendy@${DOMAIN}`);
  await dialog.getByLabel("Title").fill("Head of Digging");
  // A message goes as soon as its field changes.
  await expect(dialog.getByText("Enter the last name.")).toHaveCount(0);
  await dialog.getByRole("combobox", { name: "Company" }).fill(COMPANY);
  await page.screenshot({ path: `${SCREENSHOTS}/new-person-dialog.png` });
  await dialog.getByRole("button", { name: "Create contact" }).click();

  await expect(page).toHaveURL(/\/people\/[^/]+$/);
  profileUrl = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { level: 1, name: "Wendy Wombat" })).toBeVisible();
  await expect(page.getByText("Not in Salesforce", { exact: true }).first()).toBeVisible();
  await expect(page.getByText(COMPANY).first()).toBeVisible();
  const history = page.getByRole("region", { name: "Sync history" });
  await expect(history).toContainText("Nothing pushed yet.");
  await expect(history).toContainText("Created in Tandem");
});

test("a contact whose company matches two accounts asks which one", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto("/people");
  await page.getByRole("button", { name: "New person" }).click();
  const dialog = page.getByRole("dialog", { name: "New person" });
  await dialog.getByLabel("Last name").fill("Wombat-Twin");
  const company = dialog.getByRole("combobox", { name: "Company" });
  await company.fill(TWINS);
  const accounts = page.getByRole("listbox", { name: "Accounts" });
  await expect(accounts.getByRole("option")).toHaveCount(2);
  // Escape closes the list, not the dialog; the typed name stays.
  await company.press("ArrowDown");
  await company.press("Escape");
  await expect(accounts).toBeHidden();
  await expect(company).toHaveValue(TWINS);
  await dialog.getByRole("button", { name: "Create contact" }).click();

  const choose = page.getByRole("dialog", { name: "Which account?" });
  await expect(choose).toContainText(`2 accounts match "${TWINS}"`);
  await page.screenshot({ path: `${SCREENSHOTS}/which-account-dialog.png` });
  await choose.getByRole("button", { name: "Create person" }).click();
  await expect(choose.getByText("Choose an account, or create a new one.")).toBeVisible();
  await choose.getByRole("radio", { name: new RegExp(`two\\.${DOMAIN.replace(".", "\\.")}`) }).check();
  await choose.getByRole("button", { name: "Create person" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Wombat-Twin" })).toBeVisible();
  await expect(page.getByText(TWINS).first()).toBeVisible();
});

test("a call logged on the profile shows on its timeline, not in Salesforce", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto(profileUrl);
  await page.getByRole("button", { name: "Log a call" }).click();
  const composer = page.getByRole("region", { name: "Log an activity" });
  await composer.getByLabel("Duration (minutes)").fill("twelve");
  await composer.getByRole("button", { name: "Log call" }).click();
  await expect(composer.getByText("Enter the duration in whole minutes, like 15.")).toBeVisible();
  await expect(composer.getByLabel("Duration (minutes)")).toBeFocused();

  await composer.getByLabel("Subject").fill("Intro call about burrows");
  await composer.getByLabel("Duration (minutes)").fill("12");
  await composer.getByRole("combobox", { name: "Outcome" }).click();
  await page.getByRole("option", { name: "Connected" }).click();
  await composer.getByLabel("Notes").fill("Wants a demo next week.");
  await composer.getByRole("button", { name: "Log call" }).click();

  await expect(
    page.getByText(/Call logged\. It stays in Tandem while pushing calls and emails is off\./),
  ).toBeVisible();
  const timeline = page.getByRole("list", { name: "Timeline, newest first" });
  const call = timeline.getByRole("listitem").filter({ hasText: "Intro call about burrows" });
  await expect(call).toContainText("Connected · 12 min");
  await expect(call).toContainText("Wants a demo next week.");
  await expect(call).toContainText("Not in Salesforce");

  await page.getByRole("button", { name: "Create a task" }).click();
  await composer.getByLabel("Subject").fill("Send the burrow plans");
  await composer.getByRole("button", { name: "Create task" }).click();
  const task = timeline.getByRole("listitem").filter({ hasText: "Send the burrow plans" });
  await expect(task).toContainText("Not Started");
  await task.getByRole("button", { name: "Complete the task Send the burrow plans" }).click();
  await expect(task).toContainText("Completed");
  await expect(task.getByRole("button", { name: /Complete the task/ })).toHaveCount(0);
});

test("editing the title saves only what changed and says it stays in Tandem", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto(profileUrl);
  await page.getByRole("button", { name: "Edit" }).click();
  const dialog = page.getByRole("dialog", { name: "Edit Wendy Wombat" });
  await expect(dialog.getByLabel("Title")).toHaveValue("Head of Digging");
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await expect(dialog.getByText("Nothing changed: there is nothing to save.")).toBeVisible();

  await dialog.getByLabel("Title").fill("Chief Burrow Officer");
  await page.screenshot({ path: `${SCREENSHOTS}/edit-dialog.png` });
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved; Title stays in Tandem while pushing people is off.")).toBeVisible();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText(/Chief Burrow Officer/).first()).toBeVisible();
  await expect(page.getByRole("region", { name: "Sync history" })).toContainText("Edited in Tandem");
});

test("a new account gets a new opportunity from its profile", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto("/accounts");
  await page.getByRole("button", { name: "New account" }).click();
  const newAccount = page.getByRole("dialog", { name: "New account" });
  await newAccount.getByLabel("Website").fill("not a website");
  await newAccount.getByRole("button", { name: "Create account" }).click();
  await expect(newAccount.getByText("Enter the account name.")).toBeVisible();
  await expect(newAccount.getByText(/Enter a website like acme\.com/)).toBeVisible();
  await newAccount.getByLabel("Account name").fill("Wombat Holdings E2E");
  await newAccount.getByLabel("Website").fill(`holdings.${DOMAIN}`);
  await newAccount.getByLabel("Industry").fill("Earthworks");
  await expect(newAccount).toContainText("Pushing accounts to Salesforce is off");
  await newAccount.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Wombat Holdings E2E" })).toBeVisible();
  await expect(page.getByText("Not in Salesforce", { exact: true }).first()).toBeVisible();

  await page.getByRole("button", { name: "New opportunity" }).click();
  const newDeal = page.getByRole("dialog", { name: "New opportunity" });
  await expect(newDeal.getByRole("combobox", { name: "Stage" })).toContainText("Prospecting");
  await newDeal.getByLabel("Opportunity name").fill("Burrow expansion");
  await newDeal.getByLabel("Amount").fill("12,500");
  await newDeal.getByRole("button", { name: "Create opportunity" }).click();
  await expect(newDeal.getByText("Enter the close date as YYYY-MM-DD, like 2026-03-31.")).toBeVisible();
  await newDeal.getByLabel("Close date").fill("2027-06-30");
  await page.screenshot({ path: `${SCREENSHOTS}/new-opportunity-dialog.png` });
  await newDeal.getByRole("button", { name: "Create opportunity" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Burrow expansion" })).toBeVisible();
  await expect(page.getByText("Prospecting · $12,500")).toBeVisible();
  await expect(page.getByText("Not in Salesforce", { exact: true }).first()).toBeVisible();
});

test("PULL-3: Add to CRM on a prospect's row makes it a CRM record and takes it off the list", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto(`/people/prospects?q=${DOMAIN}`);
  const table = page.getByRole("table", { name: "Prospects" });
  await expect(table.getByRole("row")).toHaveCount(4);
  await table.getByRole("button", { name: "Add to CRM: Walter Wombat" }).click();

  await expect(page.getByRole("status").filter({ hasText: "1 added" }).first()).toBeVisible();
  await expect(table.getByRole("row")).toHaveCount(3);
  await expect(table).not.toContainText("Walter Wombat");
  await page.screenshot({ path: `${SCREENSHOTS}/prospects-after-add.png`, fullPage: true });

  // "Add all" says how many it would add before it does anything.
  await page.getByRole("button", { name: "Add all to CRM" }).click();
  const addAll = page.getByRole("dialog", { name: "Add every prospect to the CRM?" });
  await expect(addAll).toContainText(/\d+ prospects? (is|are) not in the CRM yet/);
  await expect(addAll.getByRole("radio", { name: /^Contacts/ })).toBeChecked();
  await page.screenshot({ path: `${SCREENSHOTS}/add-all-dialog.png` });
  await addAll.getByRole("button", { name: "Cancel" }).click();
  await expect(table).toContainText("Wilma Wombat");

  await page.goto(`/people?q=${DOMAIN}`);
  await expect(page.getByRole("table", { name: "People" }).getByRole("link", { name: "Walter Wombat" })).toBeVisible();
});

test("Add N to CRM by keyboard keeps the focus once the selection clears", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto(`/people/prospects?q=${DOMAIN}`);
  const table = page.getByRole("table", { name: "Prospects" });
  await table.getByRole("checkbox", { name: "Select Wanda Wombat" }).focus();
  await page.keyboard.press("Space");
  const add = page.getByRole("button", { name: "Add 1 to CRM" });
  await add.focus();
  await page.keyboard.press("Enter");
  await expect(table).not.toContainText("Wanda Wombat");
  // Nothing is selected now: the button reads as unavailable, and the focus stays on it (a
  // `disabled` button would drop it to the page) until it moves on.
  const emptied = page.getByRole("button", { name: "Add selected to CRM" });
  await expect(emptied).toHaveAttribute("aria-disabled", "true");
  await expect(emptied).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(emptied).toHaveAttribute("disabled", "");
});

test("a profile with the composer open and the prospect list pass axe's WCAG 2.1 AA rules, wide and narrow, light and dark", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signInAsAdmin(page);
  const violations: string[] = [];
  for (const colorScheme of ["light", "dark"] as const) {
    for (const width of [1280, 390]) {
      const where = `${colorScheme} at ${width}px`;
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize({ width, height: 900 });

      await page.goto(profileUrl);
      await page.getByRole("button", { name: "Create a task" }).click();
      await expect(page.getByRole("region", { name: "Log an activity" }).getByLabel("Priority")).toBeVisible();
      violations.push(...(await axeViolations(page, `profile, ${where}`)));
      await page.screenshot({ path: `${SCREENSHOTS}/profile-${colorScheme}-${width}.png`, fullPage: true });

      await page.goto(`/people/prospects?q=${DOMAIN}`);
      await expect(page.getByRole("table", { name: "Prospects" })).toContainText("Wilma Wombat");
      await page.getByRole("checkbox", { name: "Select Wilma Wombat" }).check();
      await expect(page.getByRole("button", { name: "Add 1 to CRM" })).toBeEnabled();
      violations.push(...(await axeViolations(page, `prospects, ${where}`)));
      await page.screenshot({ path: `${SCREENSHOTS}/prospects-${colorScheme}-${width}.png`, fullPage: true });
    }
  }
  expect(violations).toEqual([]);
});
