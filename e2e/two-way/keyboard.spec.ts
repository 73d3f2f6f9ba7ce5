import { expect, type Locator, type Page, type Request, test } from "@playwright/test";
import { eq, inArray, like } from "drizzle-orm";
import superjson from "superjson";
import { crmPeople, pushErrors, pushOutbox } from "@/db/schema";
import { insertFailedPush } from "@/server/push-errors/testing/push-error-fixtures";
import { signInAsAdmin, withE2eDatabase } from "../support/admin-session";
import { connectDemoOrg, syncUntilDone } from "../support/demo-org";
import { E2E_AUTH_SECRET } from "../support/paths";

/**
 * Keyboard only: the merge dialog, the error log's actions and the setup wizard are reached with
 * Tab from the top of the page and worked with Enter, Space, the arrow keys and Escape; no click
 * anywhere. Rows this spec adds carry the "Wombat Keys" marker and are removed afterwards.
 */
test.describe.configure({ mode: "serial" });

const MARKER = "Wombat Keys";

test.beforeAll(async ({ baseURL }) => {
  process.env.AUTH_SECRET = E2E_AUTH_SECRET;
  await connectDemoOrg();
  await syncUntilDone(baseURL!);
});

test.afterAll(async () => {
  await withE2eDatabase(async (db) => {
    const errors = await db
      .select({ recordId: pushErrors.recordId })
      .from(pushErrors)
      .where(like(pushErrors.recordName, `${MARKER}%`));
    const ids = errors.map((error) => error.recordId);
    await db.delete(pushErrors).where(like(pushErrors.recordName, `${MARKER}%`));
    if (ids.length) {
      await db.delete(pushOutbox).where(inArray(pushOutbox.recordId, ids));
      await db.delete(crmPeople).where(inArray(crmPeople.id, ids));
    }
  });
});

/** Presses Tab from where focus is until `target` has it; fails when it is not reached in `limit` presses. */
async function tabTo(page: Page, target: Locator, limit = 120) {
  const handle = await target.elementHandle();
  for (let presses = 0; presses < limit; presses++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((element) => document.activeElement === element, handle)) return;
  }
  throw new Error(`Tab did not reach ${String(target)} in ${limit} presses`);
}

/** The tRPC procedures in a request: a batch names all of them in its path ("sync.a,sync.b"). */
function proceduresOf(url: URL): string[] {
  return url.pathname.startsWith("/api/trpc/") ? url.pathname.slice("/api/trpc/".length).split(",") : [];
}

/**
 * Presses `key` on `control`, which has the focus, and holds back the call to `procedure` it makes
 * until the control has been seen while that call is pending: still focused (a `disabled` control
 * would have dropped the focus to the page), marked unavailable, and deaf to a second press.
 * `answer` stands in for the server's result where the real call would change the demo org twice.
 */
async function pressWhilePending(
  page: Page,
  control: Locator,
  key: "Enter" | "Space",
  procedure: string,
  { busy = true, answer }: { busy?: boolean; answer?: unknown } = {},
) {
  let calls = 0;
  const count = (request: Request) => {
    if (proceduresOf(new URL(request.url())).includes(procedure)) calls += 1;
  };
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let held = false;
  await page.route(
    (url) => proceduresOf(url).includes(procedure),
    async (route) => {
      held = true;
      await released;
      if (answer === undefined) await route.continue();
      else await route.fulfill({ json: [{ result: { data: superjson.serialize(answer) } }] });
    },
    { times: 1 },
  );
  page.on("request", count);
  try {
    await expect(control).toBeFocused();
    await page.keyboard.press(key);
    await expect.poll(() => held, { message: `${procedure} was called` }).toBe(true);
    await expect(control).toBeFocused();
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(false);
    await expect(control).toHaveAttribute("aria-disabled", "true");
    await expect(control).not.toHaveAttribute("disabled");
    if (busy) await expect(control).toHaveAttribute("aria-busy", "true");
    // A second press while the first is pending changes nothing and calls nothing.
    await page.keyboard.press(key);
    await expect(control).toBeFocused();
    expect(calls).toBe(1);
  } finally {
    release();
    page.off("request", count);
  }
}

test("the merge dialog works by keyboard: open, choose the survivor with the arrows, Escape, merge", async ({
  page,
}) => {
  await signInAsAdmin(page);
  await page.goto("/duplicates");
  const mergeButton = page.getByRole("button", { name: /^Merge Globex Corporation/ }).first();
  await expect(mergeButton).toBeVisible();

  await tabTo(page, mergeButton);
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Merge duplicates" });
  await expect(dialog).toBeVisible();
  // Focus starts on the chosen survivor; the arrows move the choice.
  const survivors = dialog.getByRole("group", { name: "Keep which record?" }).getByRole("radio");
  await expect(survivors.first()).toBeFocused();
  await expect(survivors.first()).toBeChecked();
  await page.keyboard.press("ArrowDown");
  await expect(survivors.nth(1)).toBeChecked();
  await expect(survivors.nth(1)).toBeFocused();

  // Escape closes the dialog and gives focus back to the button that opened it.
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(mergeButton).toBeFocused();

  await page.keyboard.press("Enter");
  await expect(dialog).toBeVisible();
  await tabTo(page, dialog.getByRole("button", { name: /^Merge into / }), 40);
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(page.getByText("Merged", { exact: false }).first()).toBeVisible();
});

test("the error log's retry and dismiss work by keyboard", async ({ page }) => {
  const arranged = await withE2eDatabase(async (db) => ({
    retried: await insertFailedPush(db, {
      name: `${MARKER} Retried`,
      code: "STRING_TOO_LONG",
      message: "Title: data value too large (max length=128)",
      fields: ["Title"],
      at: Date.now() - 60_000,
    }),
    dismissed: await insertFailedPush(db, {
      name: `${MARKER} Dismissed`,
      code: "FIELD_CUSTOM_VALIDATION_EXCEPTION",
      message: "A contact needs an email address",
      fields: ["Email"],
      at: Date.now(),
    }),
  }));

  await signInAsAdmin(page);
  await page.goto("/errors");
  const table = page.getByRole("table", { name: "Push errors" });
  await expect(table.getByRole("row", { name: new RegExp(`${MARKER} Retried`) })).toBeVisible();

  await tabTo(page, table.getByRole("button", { name: `Retry ${MARKER} Retried` }));
  await page.keyboard.press("Enter");
  await expect(page.getByText("Sending 1 push to Salesforce again.")).toBeVisible();

  const dismissedRow = table.getByRole("row", { name: new RegExp(`${MARKER} Dismissed`) });
  await tabTo(page, dismissedRow.getByRole("button", { name: `More actions for ${MARKER} Dismissed` }));
  await page.keyboard.press("Enter");
  const dismiss = page.getByRole("menuitem", { name: "Dismiss" });
  await expect(dismiss).toBeVisible();
  // The menu takes focus; the arrows walk its items until Dismiss has it.
  for (let presses = 0; presses < 6 && !(await dismiss.evaluate((item) => item === document.activeElement)); presses++)
    await page.keyboard.press("ArrowDown");
  await expect(dismiss).toBeFocused();
  await page.keyboard.press("Enter");
  // While the menu is open the rows are hidden from assistive technology (and from role locators):
  // the toast says the dismissal is done.
  await expect(page.getByText(/^Dismissed\. The record stays unsent/)).toBeVisible();
  await expect(dismissedRow).toBeHidden();

  const stored = await withE2eDatabase(async (db) => ({
    retried: await db.query.pushOutbox.findFirst({ where: eq(pushOutbox.id, arranged.retried.outboxId) }),
    dismissed: await db.query.pushErrors.findFirst({ where: eq(pushErrors.id, arranged.dismissed.errorId) }),
  }));
  expect(stored.retried).toMatchObject({ state: "pending", attempts: 0 });
  expect(stored.dismissed?.state).toBe("dismissed");
});

test("the wizard's push step works by keyboard: Space flips a switch, and back", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto("/setup?step=push");
  await expect(page.getByRole("heading", { name: "What Tandem pushes", level: 1 })).toBeVisible();
  const people = page.locator("#push-people");
  const before = await people.getAttribute("aria-checked");
  const flipped = before === "true" ? "false" : "true";

  await tabTo(page, people);
  await page.keyboard.press("Space");
  await expect(people).toHaveAttribute("aria-checked", flipped);
  // Saving the switch keeps focus on it, so the next key acts on it again.
  await expect(people).toBeFocused();
  await page.keyboard.press("Space");
  await expect(people).toHaveAttribute("aria-checked", before!);
  // The step's way on is reachable too.
  await tabTo(page, page.getByRole("button", { name: "Push nothing for now" }), 60);
});

test("the setup wizard keeps the focus on what was pressed while it saves: connect, pull, sync, real time", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signInAsAdmin(page);

  // Connect: read the API limit, disconnect, then connect again through Salesforce's consent page.
  await page.goto("/setup?step=connect");
  await expect(page.getByRole("heading", { name: "Connected to Salesforce", level: 1 })).toBeVisible();
  const readLimit = page.getByRole("button", { name: "Read the API limit now" });
  await tabTo(page, readLimit);
  await pressWhilePending(page, readLimit, "Enter", "salesforce.refreshLimits");
  await expect(readLimit).not.toHaveAttribute("aria-busy");
  await expect(readLimit).toBeFocused();

  const disconnect = page.getByRole("button", { name: "Disconnect" });
  await tabTo(page, disconnect, 10);
  await pressWhilePending(page, disconnect, "Enter", "salesforce.disconnect");
  await expect(page.getByRole("heading", { name: "Connect Salesforce", level: 1 })).toBeVisible();
  // Tab stops on a radio group's checked choice: the demo org is chosen when it is available.
  await tabTo(page, page.getByRole("radio", { name: /^Demo org/ }));
  const connect = page.getByRole("button", { name: "Connect to Salesforce" });
  await tabTo(page, connect, 20);
  await pressWhilePending(page, connect, "Enter", "salesforce.startConnect");
  await page.waitForURL(/\/services\/oauth2\/authorize/);
  await tabTo(page, page.getByRole("button", { name: "Allow" }), 10);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Connected to Salesforce", level: 1 })).toBeVisible();
  await tabTo(page, page.getByRole("button", { name: "Continue" }));
  await page.keyboard.press("Enter");

  // What the team sees: a switch saves at once and keeps the focus; Continue keeps it until the next step.
  await expect(page.getByRole("heading", { name: "What the team sees", level: 1 })).toBeVisible();
  const showLeads = page.locator("#show-Lead");
  await tabTo(page, showLeads);
  const shown = await showLeads.getAttribute("aria-checked");
  await pressWhilePending(page, showLeads, "Space", "sync.setVisibility", { busy: false });
  await expect(showLeads).toHaveAttribute("aria-checked", shown === "true" ? "false" : "true");
  await expect(showLeads).not.toHaveAttribute("aria-disabled");
  await expect(showLeads).toBeFocused();
  await pressWhilePending(page, showLeads, "Space", "sync.setVisibility", { busy: false });
  await expect(showLeads).toHaveAttribute("aria-checked", shown!);
  const pullContinue = page.getByRole("button", { name: "Continue" });
  await tabTo(page, pullContinue, 20);
  await pressWhilePending(page, pullContinue, "Enter", "sync.completeSetupStep");

  await expect(page.getByRole("heading", { name: "What Tandem pushes", level: 1 })).toBeVisible();
  const pushOn = page.getByRole("button", { name: /^(Continue|Push nothing for now)$/ });
  await tabTo(page, pushOn);
  await pressWhilePending(page, pushOn, "Enter", "sync.completeSetupStep");

  // The first sync finished in beforeAll: this step only offers Continue.
  await expect(page.getByRole("heading", { name: "First sync finished", level: 1 })).toBeVisible();
  await tabTo(page, page.getByRole("button", { name: "Continue" }));
  await page.keyboard.press("Enter");

  // Real time: the demo org's set-up keeps its button focused after it is done; Finish until it leaves.
  await expect(page.getByRole("heading", { name: "Real-time updates", level: 1 })).toBeVisible();
  const demoSetup = page.getByRole("button", { name: "Set it up in the demo org for me" });
  await tabTo(page, demoSetup);
  await pressWhilePending(page, demoSetup, "Enter", "sync.enableDemoOutbound", { answer: { rules: 4 } });
  await expect(page.getByText(/now sends 4 outbound messages/)).toBeVisible();
  await expect(demoSetup).not.toHaveAttribute("aria-busy");
  await expect(demoSetup).toBeFocused();
  const finish = page.getByRole("button", { name: /^Finish/ });
  await tabTo(page, finish, 10);
  await pressWhilePending(page, finish, "Enter", "sync.completeSetupStep");
  await expect(page.getByRole("heading", { name: /^Welcome, / })).toBeVisible();
});
