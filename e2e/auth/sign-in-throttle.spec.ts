import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { openDatabase } from "@/db/client";
import { signInFailures } from "@/db/schema";
import { migrateDatabase } from "@/db/migrate";
import { addUser } from "@/server/users/add-user";
import { startNextServer } from "../support/start-next";

/**
 * Sign-in throttling against a real server of its own (its failures must not slow down the other
 * specs), reached over IPv4 and IPv6 loopback: two clients with two socket addresses.
 */
const port = 3194;
const ada = { name: "Ada", email: "ada@example.com", password: "analytical-engine-1843", role: "admin" as const };
const dir = join(".cache", "e2e-throttle");
const databaseUrl = `file:${join(dir, "tandem.db")}`;
let server: ReturnType<typeof startNextServer>;

test.beforeAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const database = openDatabase({ url: databaseUrl });
  await migrateDatabase(database);
  await addUser(database.db, ada);
  database.client.close();
  server = startNextServer(port, { AUTH_SECRET: "throttle-test-secret", DATABASE_URL: databaseUrl });
  await expect
    .poll(async () => (await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null))?.status, {
      timeout: 30_000,
    })
    .toBe(200);
});
test.afterAll(() => {
  server?.child.kill("SIGTERM");
  rmSync(dir, { recursive: true, force: true });
});

async function signIn(page: Page, origin: string, password: string) {
  await page.goto(`${origin}/sign-in`);
  await page.getByLabel("Email").fill(ada.email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("a spoofed X-Forwarded-For gets no fresh bucket, and a flood from one client leaves the right person in", async ({
  browser,
}) => {
  // Each try claims to come from elsewhere; the server keys them all by the socket's address.
  const attacker = await browser.newPage();
  let throttled = false;
  for (let attempt = 1; attempt <= 12 && !throttled; attempt++) {
    await attacker.setExtraHTTPHeaders({ "x-forwarded-for": `203.0.113.${attempt}` });
    await signIn(attacker, `http://127.0.0.1:${port}`, "wrong-password");
    const alert = attacker.getByRole("alert").filter({ hasText: /do not match|Too many failed attempts/ });
    throttled = (await alert.textContent())?.includes("Too many failed attempts") ?? false;
  }
  expect(throttled).toBe(true);
  const database = openDatabase({ url: databaseUrl });
  try {
    const keys = (await database.db.select().from(signInFailures)).map((row) => row.key).sort();
    expect(keys).toEqual(["email:ada@example.com|ip:127.0.0.1", "ip:127.0.0.1"]);
  } finally {
    database.client.close();
  }

  // Ada, from another address, is not held up by any of it.
  const victim = await browser.newPage();
  await signIn(victim, `http://[::1]:${port}`, ada.password);
  await expect(victim.getByRole("heading", { name: "Welcome, Ada" })).toBeVisible();
});
