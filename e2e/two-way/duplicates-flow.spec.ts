import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { and, eq } from "drizzle-orm";
import { crmPeople, duplicatePairs } from "@/db/schema";
import { signInAsAdmin, withE2eDatabase } from "../support/admin-session";
import { connectDemoOrg, emulatorSoql, syncUntilDone } from "../support/demo-org";
import { E2E_AUTH_SECRET } from "../support/paths";

/**
 * Duplicates as a newcomer meets them in the demo (issue "Duplicates", done when): after the first
 * sync the review queue holds the demo org's seeded duplicates; a flagged contact's page shows the
 * notice; the pair is merged from the queue with "Also merge in Salesforce", and the emulator shows
 * the merged-away contact with its MasterRecordId.
 */
test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ baseURL }) => {
  process.env.AUTH_SECRET = E2E_AUTH_SECRET;
  await connectDemoOrg();
  await syncUntilDone(baseURL!);
});

test("DUP-1 and DUP-3: the seeded duplicates are queued, flagged on the profile, and merged in Salesforce too", async ({
  page,
}) => {
  await signInAsAdmin(page);

  // The queue already holds the demo org's seeded duplicates.
  await page.goto("/duplicates");
  await expect(page.getByRole("heading", { name: "Duplicates", level: 1 })).toBeVisible();
  for (const name of ["Maria Garcia", "Globex Corporation"]) {
    await expect(page.getByRole("link", { name, exact: true }).first()).toBeVisible();
  }
  const violations = (await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze())
    .violations;
  expect(violations).toEqual([]);

  // One of the two Maria Garcia contacts: its page says it is a potential duplicate.
  const marias = await withE2eDatabase((db) =>
    db
      .select({ id: crmPeople.id, sfId: crmPeople.sfId })
      .from(crmPeople)
      .where(and(eq(crmPeople.name, "Maria Garcia"), eq(crmPeople.state, "active"))),
  );
  expect(marias).toHaveLength(2);
  await page.goto(`/people/${marias[0]!.id}`);
  const notice = page.getByRole("region", { name: "Potential duplicate" });
  await expect(notice).toContainText("Potential duplicate of Maria Garcia");
  await expect(notice).toContainText("same email");

  // Review → the merge dialog, "Also merge in Salesforce".
  await notice.getByRole("link", { name: "Review" }).click();
  const dialog = page.getByRole("dialog", { name: "Merge duplicates" });
  await expect(dialog).toBeVisible();
  const alsoMerge = dialog.getByRole("checkbox", { name: "Also merge in Salesforce" });
  await expect(alsoMerge).toBeEnabled();
  await alsoMerge.check();
  await expect(dialog.getByRole("note", { name: "What the merge does" })).toContainText("Salesforce");
  const dialogViolations = (
    await new AxeBuilder({ page })
      .include('[role="dialog"]')
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
      .analyze()
  ).violations;
  expect(dialogViolations).toEqual([]);
  await dialog.getByRole("button", { name: /^Merge into / }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("Merged", { exact: false }).first()).toBeVisible();

  // The emulator shows the loser merged into the survivor.
  const [survivor] = await withE2eDatabase((db) =>
    db
      .select({ sfId: crmPeople.sfId })
      .from(crmPeople)
      .where(and(eq(crmPeople.name, "Maria Garcia"), eq(crmPeople.state, "active"))),
  );
  const loserSfId = marias.map((maria) => maria.sfId).find((sfId) => sfId !== survivor!.sfId)!;
  const {
    records: [loser],
  } = await emulatorSoql<{ IsDeleted: boolean; MasterRecordId: string }>(
    `SELECT Id, IsDeleted, MasterRecordId FROM Contact WHERE Id = '${loserSfId}'`,
    { all: true },
  );
  expect(loser).toMatchObject({ IsDeleted: true, MasterRecordId: survivor!.sfId });
  const merged = await withE2eDatabase((db) =>
    db.select({ state: duplicatePairs.state }).from(duplicatePairs).where(eq(duplicatePairs.state, "merged")),
  );
  expect(merged.length).toBeGreaterThan(0);
});
