import { expect, test } from "@playwright/test";
import { signInAsAdmin } from "../support/admin-session";
import { E2E_EMULATOR_URL } from "../support/paths";

/**
 * The wizard from a signed-in admin to a finished first sync against the demo org, through the
 * real OAuth redirect and consent page; then hiding an object, and an outbound message carrying a
 * change made in Salesforce onto a profile page.
 */
test.describe.configure({ mode: "serial" });

/** Salesforce's REST API as a user in the org would call it (plain fetch: this is the test's side). */
async function salesforce() {
  const { access_token: token } = (await (
    await fetch(`${E2E_EMULATOR_URL}/__emulator/tokens`, { method: "POST" })
  ).json()) as { access_token: string };
  const base = `${E2E_EMULATOR_URL}/services/data/v62.0`;
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  return {
    async query<T>(soql: string): Promise<T[]> {
      const response = await fetch(`${base}/query?q=${encodeURIComponent(soql)}`, { headers });
      return ((await response.json()) as { records: T[] }).records;
    },
    async update(object: string, id: string, values: Record<string, unknown>) {
      const response = await fetch(`${base}/sobjects/${object}/${id}`, {
        method: "PATCH",
        headers,
        body: JSON.stringify(values),
      });
      expect(response.status).toBe(204);
    },
  };
}

test("an admin connects the demo org and finishes the first sync", async ({ page }) => {
  test.setTimeout(180_000);
  await signInAsAdmin(page);
  await page.goto("/setup?step=connect");
  await expect(page.getByRole("heading", { name: "Connect Salesforce" })).toBeVisible();
  await page.getByText("Demo org", { exact: true }).click();
  await page.getByRole("button", { name: "Connect to Salesforce" }).click();

  // Salesforce's consent page (the emulator's), then back through the OAuth callback.
  await page.waitForURL(/\/services\/oauth2\/authorize/);
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page.getByRole("heading", { name: "Connected to Salesforce" })).toBeVisible();
  await expect(page.getByText("Daily API calls left")).toBeVisible();

  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "What the team sees" })).toBeVisible();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "What Tandem pushes" })).toBeVisible();
  await page.getByRole("button", { name: "Push nothing for now" }).click();

  await expect(page.getByRole("heading", { name: "First sync" })).toBeVisible();
  await page.getByRole("button", { name: "Start first sync" }).click();
  await expect(page.getByRole("heading", { name: "First sync finished" })).toBeVisible({ timeout: 150_000 });
  await expect(page.getByText(/leads are kept as their contacts/)).toBeVisible();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "Real-time updates" })).toBeVisible();
});

test("PULL-2: hiding leads removes them from view and says where to change it", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto("/sync#pull-settings");
  await expect(page.getByRole("heading", { name: "Sync" })).toBeVisible();
  await page.locator("#show-Lead").click();
  await expect(page.locator("#show-Lead")).toHaveAttribute("aria-checked", "false");
  await page.goto("/people");
  await expect(page.getByText(/Leads are hidden from view/)).toBeVisible();
  await page.goto("/");
  const workspace = page.getByRole("region", { name: "Workspace" });
  await expect(workspace.getByRole("link", { name: /Contacts/ })).toBeVisible();
  await expect(workspace.getByRole("link", { name: /Leads/ })).toHaveCount(0);
  await page.goto("/sync#pull-settings");
  await page.locator("#show-Lead").click();
  await expect(page.locator("#show-Lead")).toHaveAttribute("aria-checked", "true");
});

test("a change made in Salesforce reaches the profile page through an outbound message", async ({ page }) => {
  test.setTimeout(90_000);
  await signInAsAdmin(page);
  await page.goto("/setup?step=realtime");
  await page.getByRole("button", { name: "Set it up in the demo org for me" }).click();
  await expect(page.getByText(/now sends 4 outbound messages/)).toBeVisible();

  const sf = await salesforce();
  const [contact] = await sf.query<{ Id: string; LastName: string }>(
    "SELECT Id, LastName FROM Contact ORDER BY Name LIMIT 1",
  );
  if (!contact) throw new Error("the demo org has no contacts");
  await page.goto(`/people?search=${encodeURIComponent(contact.LastName)}`);
  await page
    .getByRole("link", { name: new RegExp(contact.LastName) })
    .first()
    .click();
  await expect(page).toHaveURL(/\/people\/[0-9a-f-]{36}/);
  const profileUrl = page.url();

  await sf.update("Contact", contact.Id, { Title: "Chief Outbound Officer" });
  // Within seconds: the message is stored, acknowledged and applied without any sync tick.
  await expect
    .poll(
      async () => {
        await page.goto(profileUrl);
        return page.getByText("Chief Outbound Officer").first().isVisible();
      },
      { timeout: 20_000, intervals: [500, 1000, 1000, 2000] },
    )
    .toBe(true);
  await page.goto("/setup?step=realtime");
  await expect(page.getByText(/Last message received/)).toBeVisible();
});
