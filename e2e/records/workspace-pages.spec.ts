import { expect, test } from "@playwright/test";
import { and, eq, inArray, like } from "drizzle-orm";
import { activityLog, crmPeople } from "@/db/schema";
import { insertActivity, insertPeople } from "@/server/records/testing/crm-fixtures";
import { setPullVisibility } from "@/server/settings/pull-visibility";
import { openE2eDatabase, signInAsAdmin } from "../support/admin-session";

/**
 * The People list and a profile against rows arranged directly in the e2e database. Every row
 * carries the "zephyr-e2e" marker, so other specs' records in the same database never change
 * what these steps count; they are removed afterwards so they never change what other specs count.
 */
test.describe.configure({ mode: "serial" });

const MARKER = "zephyr-e2e";
const HIDDEN_SENTENCE =
  "Leads are hidden from view. They still sync and still count for matching. An admin can show them on the Sync page.";
let profileId = "";

test.beforeAll(async () => {
  const database = openE2eDatabase();
  try {
    const contacts = await insertPeople(
      database.db,
      Array.from({ length: 30 }, (_, index) => ({
        name: `Zephyr Contact ${String(index + 1).padStart(2, "0")}`,
        email: `contact${index + 1}@${MARKER}.example`,
        title: "Engineer",
        ownerName: "Priya Raman",
      })),
    );
    await insertPeople(
      database.db,
      Array.from({ length: 5 }, (_, index) => ({
        kind: "lead" as const,
        name: `Zephyr Lead ${index + 1}`,
        email: `lead${index + 1}@${MARKER}.example`,
        company: "Zephyr Leads Inc",
      })),
    );
    profileId = contacts[0]!.id;
    const now = Date.now();
    await insertActivity(database.db, [
      {
        recordType: "person",
        recordId: profileId,
        at: now - 86_400_000,
        event: "created-by-pull",
        message: "Created from Salesforce by a pull.",
      },
      {
        recordType: "person",
        recordId: profileId,
        at: now - 60_000,
        event: "updated-by-pull",
        message: "Updated by a pull: Title changed.",
        details: { changes: { Title: { from: "VP Engineering", to: "Engineer" } } },
      },
    ]);
  } finally {
    database.client.close();
  }
});

test.afterAll(async () => {
  const database = openE2eDatabase();
  try {
    const rows = await database.db
      .select({ id: crmPeople.id })
      .from(crmPeople)
      .where(like(crmPeople.email, `%@${MARKER}.example`));
    const ids = rows.map((row) => row.id);
    if (ids.length) {
      await database.db
        .delete(activityLog)
        .where(and(eq(activityLog.recordType, "person"), inArray(activityLog.recordId, ids)));
      await database.db.delete(crmPeople).where(inArray(crmPeople.id, ids));
    }
  } finally {
    database.client.close();
  }
});

test("the People list searches, filters by kind and pages, all from the URL", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto("/people");
  await expect(page.getByRole("heading", { name: "People" })).toBeVisible();
  await expect(page.getByRole("link", { name: "CRM people" })).toHaveAttribute("aria-current", "page");

  await page.getByRole("searchbox", { name: "Search people" }).fill(MARKER);
  await expect(page).toHaveURL(new RegExp(`q=${MARKER}`));
  const pagination = page.getByRole("navigation", { name: "Pagination" });
  await expect(pagination).toContainText("1–25 of 35 people");
  const table = page.getByRole("table", { name: "People" });
  await expect(table.getByRole("row")).toHaveCount(26);

  await pagination.getByRole("button", { name: "Next page" }).click();
  await expect(pagination).toContainText("26–35 of 35 people");
  await expect(page).toHaveURL(/page=2/);
  await expect(table.getByRole("link", { name: "Zephyr Lead 5" })).toBeVisible();
  // The back button steps back through the table's states.
  await page.goBack();
  await expect(pagination).toContainText("1–25 of 35 people");

  await page.getByRole("combobox", { name: "Kind" }).click();
  await page.getByRole("option", { name: "Leads" }).click();
  await expect(pagination).toContainText("1–5 of 5 people");
  await expect(table.getByRole("link", { name: /^Zephyr Contact/ })).toHaveCount(0);

  // The view is linkable: the same URL in a fresh page shows the same rows.
  await page.goto(page.url());
  await expect(pagination).toContainText("1–5 of 5 people");
  await expect(page.getByRole("combobox", { name: "Kind" })).toContainText("Leads");

  await page.getByRole("button", { name: "Reset" }).click();
  await expect(page).toHaveURL(/\/people$/);
});

test("a profile shows its fields and its activity log with what a pull changed", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto(`/people?q=${MARKER}`);
  await page.getByRole("link", { name: "Zephyr Contact 01" }).click();
  await expect(page.getByRole("heading", { name: "Zephyr Contact 01" })).toBeVisible();
  await expect(page.getByText(`contact1@${MARKER}.example`)).toBeVisible();
  const activity = page.getByRole("list", { name: "Activity, newest first" });
  await expect(activity.getByRole("listitem")).toHaveCount(2);
  await expect(activity.getByRole("listitem").first()).toContainText("Updated by a pull");
  await expect(activity.getByRole("listitem").first()).toContainText("VP Engineering");
  await expect(activity.getByRole("listitem").last()).toContainText("Pulled from Salesforce");

  await page.goto("/people/no-such-person");
  await expect(page.getByRole("heading", { name: "This person is not in Tandem" })).toBeVisible();
});

test("PULL-2: hiding leads removes them from People with a sentence saying where to show them", async ({ page }) => {
  const database = openE2eDatabase();
  try {
    await setPullVisibility(database.db, "Lead", false);
    await signInAsAdmin(page);
    await page.goto(`/people?q=${MARKER}`);
    await expect(page.getByText(HIDDEN_SENTENCE)).toBeVisible();
    await expect(page.getByRole("link", { name: "Sync page" })).toHaveAttribute("href", "/sync#pull-settings");
    await expect(page.getByRole("navigation", { name: "Pagination" })).toContainText("1–25 of 30 people");
    await expect(page.getByRole("combobox", { name: "Kind" })).toHaveCount(0);
    await page.goto(`/people?q=${MARKER}&page=2`);
    await expect(page.getByRole("link", { name: "Zephyr Contact 30" })).toBeVisible();
    await expect(page.getByRole("link", { name: /^Zephyr Lead/ })).toHaveCount(0);

    await setPullVisibility(database.db, "Contact", false);
    await page.reload();
    await expect(page.getByRole("heading", { name: "Contacts and leads are hidden" })).toBeVisible();
    await expect(page.getByRole("table", { name: "People" })).toHaveCount(0);
  } finally {
    await setPullVisibility(database.db, "Lead", true);
    await setPullVisibility(database.db, "Contact", true);
    database.client.close();
  }
});
