import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { eq, inArray, like } from "drizzle-orm";
import { activityLog, crmPeople, prospectImports, prospects } from "@/db/schema";
import { insertCrmPerson } from "@/server/prospects/testing/crm-records";
import { openE2eDatabase, signInAsAdmin } from "../support/admin-session";

/**
 * A CSV import with good and bad rows: the bad ones are reported with their line and reason,
 * the good ones are listed, and one already in the CRM (PULL-3) is marked and hidden. Before it,
 * the empty list's "Load sample prospects", whose rows are removed again for the tests after it.
 */
test.describe.configure({ mode: "serial" });

const directory = mkdtempSync(join(tmpdir(), "tandem-e2e-import-"));
let crmPersonId = "";

test.beforeAll(async () => {
  const database = openE2eDatabase();
  try {
    crmPersonId = (await insertCrmPerson(database.db, { name: "Katherine Johnson", email: "katherine@nasa.gov" })).id;
  } finally {
    database.client.close();
  }
});

// The CRM person exists only for this spec; other specs expect the CRM tables as they left them.
test.afterAll(async () => {
  const database = openE2eDatabase();
  try {
    await database.db.delete(crmPeople).where(eq(crmPeople.id, crmPersonId));
  } finally {
    database.client.close();
  }
});

function writeCsv(name: string, content: string | Buffer): string {
  const path = join(directory, name);
  writeFileSync(path, content);
  return path;
}

test("unreadable files are refused with a message that says what to do", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto("/people/prospects/import");
  await page.getByLabel("CSV file").setInputFiles(writeCsv("empty.csv", ""));
  await expect(
    page.getByRole("alert").filter({ hasText: "empty.csv is empty. Upload a CSV file with a header row" }),
  ).toBeVisible();
  await page
    .getByLabel("CSV file")
    .setInputFiles(writeCsv("workbook.csv", Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00])));
  await expect(page.getByRole("alert").filter({ hasText: "workbook.csv is not a CSV file" })).toBeVisible();
});

async function removeSampleProspects() {
  const database = openE2eDatabase();
  try {
    const { db } = database;
    const imports = db
      .select({ id: prospectImports.id })
      .from(prospectImports)
      .where(like(prospectImports.fileName, "Sample prospects (%"));
    const loaded = db.select({ id: prospects.id }).from(prospects).where(inArray(prospects.importId, imports));
    await db.delete(activityLog).where(inArray(activityLog.recordId, loaded));
    await db.delete(prospects).where(inArray(prospects.importId, imports));
    await db.delete(prospectImports).where(like(prospectImports.fileName, "Sample prospects (%"));
  } finally {
    database.client.close();
  }
}

test("an empty prospect list loads the sample prospects with one click", async ({ page }) => {
  // The first sample person; searched with prospects in the CRM shown, wherever the list sorts it.
  const [firstName, lastName, email] = readFileSync(join("samples", "prospects-people.csv"), "utf8")
    .split("\n")[1]!
    .split(",");
  await signInAsAdmin(page);
  await page.goto("/people/prospects");
  await expect(page.getByText("No prospects yet")).toBeVisible();
  try {
    await page.getByRole("button", { name: "Load sample prospects" }).click();
    await expect(page.getByText("Loaded 1,000 people and 200 companies.")).toBeVisible();
    await expect(page.getByText("No prospects yet")).toBeHidden();
    await expect(page.getByRole("table", { name: "Prospects" }).getByRole("row").nth(1)).toBeVisible();

    await page.goto(`/people/prospects?crm=1&q=${encodeURIComponent(email!)}`);
    await expect(
      page
        .getByRole("table", { name: "Prospects" })
        .getByRole("row")
        .filter({ hasText: `${firstName} ${lastName}` }),
    ).toBeVisible();
  } finally {
    await removeSampleProspects();
  }
});

test("a CSV with good and bad rows imports the good ones and reports the bad ones", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto("/people/prospects");
  await expect(page.getByText("No prospects yet")).toBeVisible();
  await page.getByRole("link", { name: "Import CSV" }).click();
  await expect(page.getByRole("heading", { name: "Import prospects" })).toBeVisible();

  const csv = [
    "\uFEFFFirst Name,Last Name,Email Address,Company,Notes",
    "Grace,Hopper,grace@navy.mil,US Navy,compilers",
    'Alan,Turing,alan@bletchley.uk,"Bletchley Park, Hut 8","enigma',
    'and more"',
    "Bad,Email,not-an-email,Nowhere,",
    ",,nobody@example.com,Anon,",
    "Grace,H.,GRACE@navy.mil,US Navy,again",
    "Katherine,Johnson,katherine@nasa.gov,NASA,",
  ].join("\n");
  await page.getByLabel("CSV file").setInputFiles(writeCsv("prospects.csv", csv));

  await expect(page.getByRole("combobox", { name: "Tandem field for the column Email Address" })).toHaveText("Email");
  await expect(page.getByRole("combobox", { name: "Tandem field for the column Notes" })).toHaveText(
    "Keep as extra field",
  );
  const preview = page.getByRole("table", { name: "Preview of the import" });
  await expect(preview.getByRole("row").filter({ hasText: "Grace" }).first()).toContainText("Ready");
  await expect(page.getByText("3 bad rows are skipped and listed in the report.")).toBeVisible();

  await page.getByRole("button", { name: "Import 3 people" }).click();
  await expect(page.getByText("Imported 3 people from prospects.csv")).toBeVisible();
  await expect(page.getByText("1 of them is already in Salesforce")).toBeVisible();
  const report = page.getByRole("table", { name: "Rows that were not imported" });
  await expect(report.getByRole("row")).toHaveCount(4);
  await expect(report.getByRole("row").filter({ hasText: "Bad email" })).toContainText("5");
  await expect(report.getByRole("row").filter({ hasText: "No name" })).toContainText("6");
  await expect(report.getByRole("row").filter({ hasText: "Duplicate in file" })).toContainText(
    "Same email as line 2 (grace@navy.mil).",
  );

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download bad rows (CSV)" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("prospects-bad-rows.csv");
  const saved = readFileSync((await download.path()) ?? "", "utf8");
  expect(saved).toContain("Line,Reason,First Name,Last Name,Email Address,Company,Notes");
  expect(saved).toContain('5,"""not-an-email"" is not a valid email address.",Bad,Email,not-an-email,Nowhere,');

  await page.getByRole("link", { name: "View prospects" }).click();
  const list = page.getByRole("table", { name: "Prospects" });
  await expect(list.getByRole("row").filter({ hasText: "Grace Hopper" })).toBeVisible();
  await expect(list.getByRole("row").filter({ hasText: "Alan Turing" })).toBeVisible();
  await expect(list.getByRole("row").filter({ hasText: "Katherine Johnson" })).toHaveCount(0);
  await expect(page.getByText("1 in CRM hidden")).toBeVisible();

  await page.getByLabel("Show prospects already in CRM").click();
  const katherine = list.getByRole("row").filter({ hasText: "Katherine Johnson" });
  await expect(katherine.getByRole("link", { name: /is in the CRM/ })).toHaveAttribute(
    "href",
    `/people/${crmPersonId}`,
  );
});

test("a prospect added by hand is validated field by field", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto("/people/prospects");
  await page.getByRole("button", { name: "Add prospect" }).first().click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Email").fill("not-an-email");
  await dialog.getByRole("button", { name: "Add person" }).click();
  await expect(dialog.getByText("Enter the person's name")).toBeVisible();
  await expect(dialog.getByText("Enter a valid email address")).toBeVisible();
  await dialog.getByLabel("First name").fill("Margaret");
  await dialog.getByLabel("Last name").fill("Hamilton");
  await dialog.getByLabel("Email").fill("margaret@mit.edu");
  await dialog.getByRole("button", { name: "Add person" }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page.getByRole("table", { name: "Prospects" }).getByRole("row").filter({ hasText: "Margaret Hamilton" }),
  ).toBeVisible();
});
