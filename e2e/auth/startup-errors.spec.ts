import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { startNextServer as startServer } from "../support/start-next";

test("the server refuses to start without AUTH_SECRET and names it", async () => {
  const server = startServer(3191, { DATABASE_URL: "file:./.cache/e2e/unused.db" });
  const code = await new Promise<number | null>((resolve) => server.child.on("exit", resolve));
  expect(code).not.toBe(0);
  expect(server.output()).toContain("AUTH_SECRET");
});

test("an unmigrated database is reported by /api/health and explained on pages", async ({ page }) => {
  const dir = join(".cache", "e2e-unmigrated");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const port = 3192;
  const server = startServer(port, {
    AUTH_SECRET: "startup-test-secret",
    DATABASE_URL: `file:${join(dir, "empty.db")}`,
  });
  try {
    await expect
      .poll(async () => (await fetch(`http://localhost:${port}/api/health`).catch(() => null))?.status, {
        timeout: 30_000,
      })
      .toBe(503);
    const health = (await (await fetch(`http://localhost:${port}/api/health`)).json()) as Record<string, unknown>;
    expect(health).toEqual({
      db: "unmigrated",
      salesforce: "disconnected",
      lastTickAt: null,
      outboxDepth: null,
      pendingNotifications: null,
      oldestOpenErrorAgeSeconds: null,
    });

    await page.goto(`http://localhost:${port}/`);
    await expect(page.getByRole("heading", { name: "The database needs migrating" })).toBeVisible();
    await expect(page.getByText("npm run tandem -- migrate")).toBeVisible();
  } finally {
    server.child.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  }
});
