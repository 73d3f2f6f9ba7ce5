import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { eq } from "drizzle-orm";
import { crmAccounts, crmOpportunities, crmPeople } from "@/db/schema";
import { signInAsAdmin, withE2eDatabase } from "../support/admin-session";
import { connectDemoOrg, syncUntilDone } from "../support/demo-org";
import { E2E_AUTH_SECRET } from "../support/paths";

/**
 * Every page, signed in, in light and in dark: axe-core's WCAG 2.1 A and AA rules (with the
 * experimental label-in-name rule, which WCAG 2.1 includes and axe leaves off by default) find
 * nothing, and the page runs under its Content-Security-Policy without a single violation. Each
 * list also in its empty state (a search that matches nothing), and a record that does not exist.
 */
test.describe.configure({ mode: "serial" });

const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

test.beforeAll(async ({ baseURL }) => {
  process.env.AUTH_SECRET = E2E_AUTH_SECRET;
  await connectDemoOrg();
  await syncUntilDone(baseURL!);
});

async function recordPaths(): Promise<{ person: string; account: string; opportunity: string }> {
  return withE2eDatabase(async (db) => {
    const [person] = await db
      .select({ id: crmPeople.id })
      .from(crmPeople)
      .where(eq(crmPeople.state, "active"))
      .limit(1);
    const [account] = await db.select({ id: crmAccounts.id }).from(crmAccounts).limit(1);
    const [opportunity] = await db.select({ id: crmOpportunities.id }).from(crmOpportunities).limit(1);
    return {
      person: `/people/${person!.id}`,
      account: `/accounts/${account!.id}`,
      opportunity: `/opportunities/${opportunity!.id}`,
    };
  });
}

/** Fails on any CSP report the page logs while it loads and settles. */
function watchPolicyViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

async function expectAccessible(page: Page, path: string) {
  const results = await new AxeBuilder({ page })
    .options({
      runOnly: { type: "tag", values: WCAG_21_AA },
      rules: { "label-content-name-mismatch": { enabled: true } },
    })
    .analyze();
  const ran = [...results.passes, ...results.violations, ...results.incomplete, ...results.inapplicable];
  expect(ran.some((rule) => rule.id === "label-content-name-mismatch")).toBe(true);
  const found = results.violations.map((violation) => ({
    rule: violation.id,
    nodes: violation.nodes.map((node) => node.target.join(" ")),
  }));
  expect(found, `axe on ${path}`).toEqual([]);
}

for (const colorScheme of ["light", "dark"] as const) {
  test(`every page passes axe's WCAG 2.1 AA rules and its CSP, in ${colorScheme}`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.emulateMedia({ colorScheme });
    const violations = watchPolicyViolations(page);
    await signInAsAdmin(page);
    const records = await recordPaths();
    const paths = [
      "/",
      "/people",
      "/people?q=zzzz-nobody",
      records.person,
      "/people/prospects",
      "/accounts",
      "/accounts?q=zzzz-nobody",
      records.account,
      "/opportunities",
      records.opportunity,
      "/sync",
      "/errors",
      "/duplicates",
      "/enrichment",
      "/settings/team",
      "/settings/salesforce",
      "/settings/mapping",
      "/people/does-not-exist",
    ];
    for (const path of paths) {
      const response = await page.goto(path);
      expect(response?.headers()["content-security-policy"], path).toContain("frame-ancestors 'none'");
      await expect(page.locator("main").first()).toBeVisible();
      await page.waitForLoadState("networkidle");
      expect(await page.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(
        colorScheme === "dark",
      );
      await expectAccessible(page, path);
    }
    expect(violations).toEqual([]);
  });
}

test("signed out: the sign-in page passes axe and its CSP, and API answers may not be framed", async ({
  page,
  request,
}) => {
  const violations = watchPolicyViolations(page);
  // The admin exists (the page would otherwise be the first-run wizard), and nobody is signed in.
  await signInAsAdmin(page);
  await page.context().clearCookies();
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto("/sign-in");
    await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
    await expectAccessible(page, `/sign-in (${colorScheme})`);
  }
  expect(violations).toEqual([]);
  const health = await request.get("/api/health");
  expect(health.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(health.headers()["x-frame-options"]).toBe("DENY");
  expect(health.headers()["x-content-type-options"]).toBe("nosniff");
});
