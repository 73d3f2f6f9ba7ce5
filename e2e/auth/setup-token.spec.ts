import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { startNextServer } from "../support/start-next";

test("without TANDEM_SETUP_TOKEN, a server with no admin prints a setup link that only it opens", async ({ page }) => {
  const dir = join(".cache", "e2e-setup-token");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const url = `file:${join(dir, "tandem.db")}`;
  const database = openDatabase({ url });
  await migrateDatabase(database);
  database.client.close();

  const port = 3193;
  const origin = `http://localhost:${port}`;
  const server = startNextServer(port, { AUTH_SECRET: "setup-token-test-secret", AUTH_URL: origin, DATABASE_URL: url });
  try {
    const linkPattern = new RegExp(`${origin}/setup\\?token=([A-Za-z0-9_-]{20,})`);
    await expect.poll(() => linkPattern.exec(server.output())?.[1], { timeout: 30_000 }).toBeTruthy();
    const link = linkPattern.exec(server.output())![0];

    await page.goto(`${origin}/setup`);
    await expect(page.getByRole("heading", { name: "Enter the setup token" })).toBeVisible();
    await expect(page.getByLabel("Work email")).toHaveCount(0);
    await page.goto(`${origin}/setup?token=not-the-token`);
    await expect(page.getByLabel("Work email")).toHaveCount(0);

    await page.goto(link);
    await expect(page.getByRole("heading", { name: "Create the first admin" })).toBeVisible();
    await expect(page.getByLabel("Work email")).toBeVisible();
  } finally {
    server.child.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  }
});
