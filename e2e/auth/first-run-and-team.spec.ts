import { expect, type Page, test } from "@playwright/test";
import { E2E_ADMIN as admin } from "../support/admin-session";
import { E2E_SETUP_TOKEN } from "../support/paths";

/**
 * One workspace, from its first run: these steps build on each other, so they run in order
 * against the fresh database that e2e/support/serve.ts creates.
 */
test.describe.configure({ mode: "serial" });

const member = { name: "Max Member", email: "max@example.com", password: "member-password-42" };

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function signOut(page: Page) {
  await page
    .getByRole("button", { name: /^Account menu/ })
    .filter({ visible: true })
    .click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

test("first run: every page leads to setup, which asks for the setup token before the admin form", async ({ page }) => {
  for (const path of ["/", "/sign-in", "/settings/team"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/setup$/);
  }
  await expect(page.getByRole("heading", { name: "Enter the setup token" })).toBeVisible();
  await expect(page.getByLabel("Work email")).toHaveCount(0);

  await page.getByLabel("Setup token").fill("a-guess");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "That setup token does not match" })).toBeVisible();
  await expect(page.getByLabel("Work email")).toHaveCount(0);

  await page.getByLabel("Setup token").fill(E2E_SETUP_TOKEN);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/setup\?token=/);
  await expect(page.getByRole("heading", { name: "Create the first admin" })).toBeVisible();

  // Mistakes are explained next to the field and lose nothing already typed.
  await page.getByLabel("Your name").fill(admin.name);
  await page.getByLabel("Work email").fill("not-an-email");
  await page.getByLabel("Password", { exact: true }).fill("short");
  await page.getByLabel("Confirm password").fill("different");
  await page.getByRole("button", { name: "Create admin account" }).click();
  await expect(page.getByText("Enter a valid email address")).toBeVisible();
  await expect(page.getByText("Use at least 10 characters")).toBeVisible();
  await expect(page.getByLabel("Your name")).toHaveValue(admin.name);

  await page.getByLabel("Work email").fill(admin.email);
  await page.getByLabel("Password", { exact: true }).fill(admin.password);
  await page.getByLabel("Confirm password").fill(admin.password);
  await page.getByRole("button", { name: "Create admin account" }).click();
  // Signed in, the wizard goes on to connecting Salesforce; it can be finished later.
  await expect(page.getByRole("heading", { name: "Connect Salesforce" })).toBeVisible();
  await page.getByRole("link", { name: "Finish later" }).click();
  await expect(page.getByRole("heading", { name: "Welcome, Ada" })).toBeVisible();
});

test("first-run setup closes once an admin exists, even with the setup token", async ({ page }) => {
  await page.goto(`/setup?token=${E2E_SETUP_TOKEN}`);
  await expect(page).toHaveURL(/\/sign-in/);
});

test("sign-out, then a wrong password and an unknown email get the same message", async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  await expect(page.getByRole("heading", { name: "Welcome, Ada" })).toBeVisible();
  await signOut(page);

  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);

  const message = "That email and password do not match an account. Check both and try again.";
  await signIn(page, admin.email, "wrong-password");
  await expect(page.getByRole("alert").filter({ hasText: message })).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(admin.email);
  await signIn(page, "nobody@example.com", "wrong-password");
  await expect(page.getByRole("alert").filter({ hasText: message })).toBeVisible();
});

test("sign-in returns to the page that asked for it", async ({ page }) => {
  await page.goto("/settings/team");
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/settings\/team$/);
  await expect(page.getByRole("heading", { name: "Team" })).toBeVisible();
});

test("an admin adds a member, who then signs in and is refused admin settings", async ({ page, browser }) => {
  await signIn(page, admin.email, admin.password);
  await page.getByRole("link", { name: "Team", exact: true }).filter({ visible: true }).click();
  await expect(page.getByRole("heading", { name: "Team" })).toBeVisible();
  await page.getByRole("button", { name: "Add member" }).click();

  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill(member.name);
  await dialog.getByLabel("Email").fill(member.email);
  await dialog.getByLabel("Temporary password").fill(member.password);
  await dialog.getByRole("button", { name: "Add member" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("row").filter({ hasText: member.email })).toContainText("member");

  // The member signs in in a browser of their own.
  const memberContext = await browser.newContext();
  const memberPage = await memberContext.newPage();
  await signIn(memberPage, member.email, member.password);
  await expect(memberPage.getByRole("heading", { name: "Welcome, Max" })).toBeVisible();
  await expect(memberPage.getByRole("link", { name: "Team", exact: true })).toHaveCount(0);

  await memberPage.goto("/settings/team");
  await expect(memberPage.getByText("Admins only")).toBeVisible();
  await expect(memberPage.getByText(admin.email)).toHaveCount(0);

  const listAsMember = await memberPage.request.get("/api/trpc/users.list");
  expect(listAsMember.status()).toBe(403);
  await memberContext.close();
});

test("procedures need a session, and malformed input gets a 400 naming the field", async ({ page, request }) => {
  const anonymous = await request.get("/api/trpc/users.me");
  expect(anonymous.status()).toBe(401);

  await signIn(page, admin.email, admin.password);
  await expect(page.getByRole("heading", { name: "Welcome, Ada" })).toBeVisible();
  const response = await page.request.post("/api/trpc/users.add", {
    data: { json: { name: "X", email: "bad", password: "0123456789", role: "owner" } },
  });
  expect(response.status()).toBe(400);
  const body = (await response.json()) as { error: { json: { message: string } } };
  expect(body.error.json.message).toContain("email");
  expect(body.error.json.message).toContain("role");
});
