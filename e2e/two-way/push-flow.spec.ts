import { expect, type Page, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { crmPeople } from "@/db/schema";
import { writeSetting } from "@/server/settings/settings-store";
import { signInAsAdmin, withE2eDatabase } from "../support/admin-session";
import { connectDemoOrg, emulatorSoql } from "../support/demo-org";
import { E2E_AUTH_SECRET } from "../support/paths";

/**
 * The two-way flow a newcomer walks through in the demo (issue "Push to Salesforce", done when):
 * push switched on for people and activities, a prospect added to the CRM and seen in Salesforce,
 * a call logged and seen as a Task, an edit a validation rule rejects shown in the error log and
 * on the profile, and the fix that resolves it. Salesforce is the e2e emulator with the demo org.
 */
test.describe.configure({ mode: "serial" });

const EMAIL = "pat.pusher@push-flow-e2e.example";
let personId = "";

const soql = emulatorSoql;

/**
 * Waits for the person's push to settle in this state (the push runs right after a change), then
 * checks that the profile says so.
 */
async function expectPushState(page: Page, state: "pushed" | "failed", label: string) {
  await expect
    .poll(
      async () =>
        (await withE2eDatabase((db) => db.query.crmPeople.findFirst({ where: eq(crmPeople.id, personId) })))?.pushState,
      { timeout: 30_000 },
    )
    .toBe(state);
  await page.reload();
  await expect(page.getByText(label, { exact: true }).first()).toBeVisible();
}

test.beforeAll(async () => {
  // Run alone, this spec connects the demo org itself (the setup spec does it in a full run).
  process.env.AUTH_SECRET = E2E_AUTH_SECRET;
  await connectDemoOrg();
});

test.afterAll(async () => {
  await withE2eDatabase((db) =>
    writeSetting(db, "push.settings", {
      people: { enabled: false, as: "Contact" },
      accounts: { enabled: false },
      opportunities: { enabled: false },
      activities: { enabled: false },
      tasks: { enabled: false },
      meetings: { enabled: false },
      notes: { enabled: false },
    }),
  );
});

test("an admin turns push on for people and for calls and emails", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto("/settings/salesforce");
  for (const kind of ["people", "activities"]) {
    const toggle = page.locator(`#push-${kind}`);
    if ((await toggle.getAttribute("aria-checked")) === "true") continue;
    await toggle.click();
    const ask = page.getByRole("dialog", { name: /^Push .* to Salesforce$/ });
    if (await ask.isVisible().catch(() => false)) await ask.getByRole("button", { name: "Only new ones" }).click();
    await expect(toggle).toHaveAttribute("aria-checked", "true");
  }
});

test("a prospect added to the CRM reaches Salesforce as a contact", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto("/people/prospects");
  await page.getByRole("button", { name: "Add prospect" }).first().click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("First name").fill("Pat");
  await dialog.getByLabel("Last name").fill("Pusher");
  await dialog.getByLabel("Email").fill(EMAIL);
  await dialog.getByRole("button", { name: "Add person" }).click();
  await expect(dialog).toBeHidden();

  const table = page.getByRole("table", { name: "Prospects" });
  await table.getByRole("button", { name: "Add to CRM: Pat Pusher" }).click();
  await expect(page.getByRole("status").filter({ hasText: "1 added" }).first()).toBeVisible();

  const person = await withE2eDatabase((db) => db.query.crmPeople.findFirst({ where: eq(crmPeople.email, EMAIL) }));
  expect(person).toBeTruthy();
  personId = person!.id;
  await page.goto(`/people/${personId}`);
  await expectPushState(page, "pushed", "In Salesforce");

  const contacts = await soql<{ Id: string; Email: string }>(`SELECT Id, Email FROM Contact WHERE Email = '${EMAIL}'`);
  expect(contacts.totalSize).toBe(1);
  const history = page.getByRole("region", { name: "Sync history" });
  await expect(history).toContainText("Created in Salesforce");
});

test("a call logged on the profile becomes a Task on the contact", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto(`/people/${personId}`);
  await page.getByRole("button", { name: "Log a call" }).click();
  const composer = page.getByRole("region", { name: "Log an activity" });
  await composer.getByLabel("Subject").fill("Push flow intro call");
  await composer.getByLabel("Duration (minutes)").fill("7");
  await composer.getByRole("button", { name: "Log call" }).click();
  const timeline = page.getByRole("list", { name: "Timeline, newest first" });
  await expect(timeline.getByRole("listitem").filter({ hasText: "Push flow intro call" })).toBeVisible();

  await expect(async () => {
    const tasks = await soql<{ WhoId: string; TaskSubtype: string; CallDurationInSeconds: number }>(
      "SELECT WhoId, TaskSubtype, CallDurationInSeconds FROM Task WHERE Subject = 'Push flow intro call'",
    );
    expect(tasks.records).toHaveLength(1);
    const contact = await withE2eDatabase((db) => db.query.crmPeople.findFirst({ where: eq(crmPeople.id, personId) }));
    expect(tasks.records[0]).toMatchObject({ WhoId: contact?.sfId, TaskSubtype: "Call", CallDurationInSeconds: 420 });
  }).toPass({ timeout: 30_000 });
  await page.reload();
  await expect(
    page
      .getByRole("list", { name: "Timeline, newest first" })
      .getByRole("listitem")
      .filter({ hasText: "Push flow intro call" }),
  ).toContainText("In Salesforce");
});

test("an edit a validation rule rejects shows in the error log and on the profile; fixing it resolves it", async ({
  page,
}) => {
  await signInAsAdmin(page);
  await page.goto(`/people/${personId}`);
  await page.getByRole("button", { name: "Edit" }).click();
  let dialog = page.getByRole("dialog", { name: "Edit Pat Pusher" });
  await dialog.getByLabel("Email").fill("");
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await expect(dialog).toBeHidden();

  // The demo org requires an email or a phone on a contact.
  await expectPushState(page, "failed", "Salesforce rejected it");
  const history = page.getByRole("region", { name: "Sync history" });
  await expect(history).toContainText("Enter an email address or a phone number for this contact.");
  await page.screenshot({ path: "test-results/push-flow-rejected-profile.png", fullPage: true });

  await page.goto("/errors");
  const row = page.getByRole("table", { name: "Push errors" }).getByRole("row", { name: /Pat Pusher/ });
  await expect(row).toContainText("FIELD_CUSTOM_VALIDATION_EXCEPTION");
  await expect(row).toContainText("Enter an email address or a phone number for this contact.");
  await page.screenshot({ path: "test-results/push-flow-error-log.png", fullPage: true });
  await row.getByRole("link", { name: "Pat Pusher" }).click();
  await expect(page).toHaveURL(new RegExp(`/people/${personId}$`));

  await page.getByRole("button", { name: "Edit" }).click();
  dialog = page.getByRole("dialog", { name: "Edit Pat Pusher" });
  await dialog.getByLabel("Phone").fill("+1 555 0100");
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await expect(dialog).toBeHidden();
  await expectPushState(page, "pushed", "In Salesforce");
  await expect(page.getByRole("region", { name: "Sync history" })).toContainText("resolved");

  const contacts = await soql<{ Email: string | null; Phone: string }>(
    "SELECT Email, Phone FROM Contact WHERE LastName = 'Pusher' AND FirstName = 'Pat'",
  );
  expect(contacts.records).toEqual([expect.objectContaining({ Email: null, Phone: "+1 555 0100" })]);
  await page.goto("/errors");
  await expect(page.getByRole("table", { name: "Push errors" }).getByRole("row", { name: /Pat Pusher/ })).toHaveCount(
    0,
  );
});
