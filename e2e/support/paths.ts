import { join } from "node:path";

export const E2E_DATA_DIR = join(process.cwd(), ".cache", "e2e");
export const E2E_AUTH_SECRET = "e2e-only-secret-never-used-elsewhere-0123456789";

export function e2eDatabaseUrl() {
  return `file:${join(E2E_DATA_DIR, "tandem.db")}`;
}

export const E2E_CRON_SECRET = "e2e-only-cron-secret";
/** TANDEM_SETUP_TOKEN of the e2e server: the first-run spec opens /setup?token=… with it. */
export const E2E_SETUP_TOKEN = "e2e-only-setup-token-0123456789";
export const E2E_EMULATOR_PORT = Number(process.env.E2E_EMULATOR_PORT ?? 4110);
export const E2E_EMULATOR_URL = `http://localhost:${E2E_EMULATOR_PORT}`;
