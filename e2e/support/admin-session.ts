import { expect, type Page } from "@playwright/test";
import { openDatabase } from "@/db/client";
import { addUser } from "@/server/users/add-user";
import { countUsers } from "@/server/users/count-users";
import { e2eDatabaseUrl } from "./paths";

/** The admin every spec after the first-run spec signs in as (the first-run spec creates it). */
export const E2E_ADMIN = { name: "Ada Lovelace", email: "ada@example.com", password: "analytical-engine-1843" };

/**
 * Signs in as the e2e admin. When a spec runs on its own (no first-run spec before it), the
 * admin is created directly in the e2e database first.
 */
export async function signInAsAdmin(page: Page) {
  const database = openDatabase({ url: e2eDatabaseUrl() });
  try {
    if ((await countUsers(database.db)) === 0) await addUser(database.db, { ...E2E_ADMIN, role: "admin" });
  } finally {
    database.client.close();
  }
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(E2E_ADMIN.email);
  await page.getByLabel("Password").fill(E2E_ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: /^Welcome, / })).toBeVisible();
}

/** Opens the e2e database, for specs that arrange data directly. Close it when done. */
export function openE2eDatabase() {
  return openDatabase({ url: e2eDatabaseUrl() });
}

/** Runs some work on the e2e database, opened for it and closed after. */
export async function withE2eDatabase<T>(
  work: (db: ReturnType<typeof openE2eDatabase>["db"]) => Promise<T>,
): Promise<T> {
  const database = openE2eDatabase();
  try {
    return await work(database.db);
  } finally {
    database.client.close();
  }
}
