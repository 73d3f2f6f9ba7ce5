import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { like } from "drizzle-orm";
import { outboundNotifications } from "@/db/schema";
import { openE2eDatabase, signInAsAdmin } from "../support/admin-session";

/**
 * ERR-3 on the Sync page: outbound notifications that wait, and those Tandem gave up on with
 * Salesforce's reason. Rows are arranged directly with a marker in their Notification Id and
 * removed afterwards; the org's own Id space never produces it.
 */
test.describe.configure({ mode: "serial" });

const MARKER = "04lE2E";
const REASON = "Gave up after 2 attempts: Salesforce refused the request (INVALID_FIELD): No such column 'Secret__c'.";

test.beforeAll(async () => {
  const database = openE2eDatabase();
  try {
    const now = Date.now();
    await database.db.insert(outboundNotifications).values([
      {
        notificationId: `${MARKER}000000001AAA`,
        object: "Contact",
        sfId: "003E2E000000001AAA",
        payload: {},
        receivedAt: now - 3_600_000,
        status: "failed",
        attempts: 2,
        error: REASON,
      },
      {
        notificationId: `${MARKER}000000002AAA`,
        object: "Lead",
        sfId: "00QE2E000000002AAA",
        payload: {},
        receivedAt: now - 60_000,
        status: "pending",
        attempts: 1,
        nextAttemptAt: now + 3_600_000,
        error: "Salesforce was busy with the same records (row lock); the next tick retries. (UNABLE_TO_LOCK_ROW)",
      },
    ]);
  } finally {
    database.client.close();
  }
});

test.afterAll(async () => {
  const database = openE2eDatabase();
  try {
    await database.db.delete(outboundNotifications).where(like(outboundNotifications.notificationId, `${MARKER}%`));
  } finally {
    database.client.close();
  }
});

test("ERR-3: the Sync page lists outbound notifications that wait and those that failed, with the reason", async ({
  page,
}) => {
  await signInAsAdmin(page);
  await page.goto("/sync");
  const card = page.getByRole("region", { name: "Outbound messages" });
  await expect(card).toBeVisible();
  // Other specs share the database: count loosely, look for this spec's rows exactly.
  await expect(card).toContainText(/\d+ changes? announced by Salesforce waits? to be applied/);
  await expect(card).toContainText(/\d+ could not be applied after several attempts/);
  await expect(card.getByRole("row", { name: /003E2E000000001AAA/ })).toContainText("INVALID_FIELD");
  await page.screenshot({ path: "test-results/sync-page-outbound.png", fullPage: true });
});

test("the Sync page passes axe's WCAG 2.1 AA rules, wide and narrow, light and dark", async ({ page }) => {
  await signInAsAdmin(page);
  for (const colorScheme of ["light", "dark"] as const) {
    for (const width of [1280, 390]) {
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize({ width, height: 900 });
      await page.goto("/sync");
      await expect(page.getByRole("region", { name: "Outbound messages" })).toBeVisible();
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      expect(
        results.violations.map(
          (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(" ")}`,
        ),
        `${colorScheme} at ${width}px`,
      ).toEqual([]);
    }
  }
  await page.screenshot({ path: "test-results/sync-page-narrow-dark.png", fullPage: true });
});
