import { getConnectionRow } from "@/server/salesforce/connection-store";
import { connectToEmulator } from "@/server/sync/testing/emulator-connection";
import { withE2eDatabase } from "./admin-session";
import { E2E_CRON_SECRET, E2E_EMULATOR_PORT } from "./paths";

/** The e2e emulator with the demo org: the "Salesforce" every spec talks to. */
export const EMULATOR = `http://localhost:${E2E_EMULATOR_PORT}`;

/** A SOQL query straight to the emulated org's REST API, as Salesforce answers it (`all`: queryAll). */
export async function emulatorSoql<T>(query: string, options: { all?: boolean } = {}) {
  const tokens = (await (await fetch(`${EMULATOR}/__emulator/tokens`, { method: "POST" })).json()) as {
    instance_url: string;
    access_token: string;
  };
  const resource = options.all ? "queryAll" : "query";
  const response = await fetch(
    `${tokens.instance_url}/services/data/v62.0/${resource}?q=${encodeURIComponent(query)}`,
    {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    },
  );
  if (!response.ok) throw new Error(`query failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as { totalSize: number; records: T[] };
}

/** Connects Tandem to the demo org unless it is (a spec run alone; the setup spec does it in a full run). */
export async function connectDemoOrg(): Promise<void> {
  await withE2eDatabase(async (db) => {
    if (await getConnectionRow(db)) return;
    const { orgId } = (await (await fetch(`${EMULATOR}/__emulator/`)).json()) as { orgId: string };
    const tokens = async () =>
      (await (await fetch(`${EMULATOR}/__emulator/tokens`, { method: "POST" })).json()) as never;
    await connectToEmulator(db, { url: EMULATOR, orgId, issueTokens: tokens });
  });
}

/** One tick through the cron route, as a scheduler runs it; until nothing is left. */
export async function syncUntilDone(baseURL: string): Promise<void> {
  for (let tick = 0; tick < 10; tick++) {
    const response = await fetch(`${baseURL}/api/cron/sync`, {
      headers: { authorization: `Bearer ${E2E_CRON_SECRET}` },
    });
    const body = (await response.json()) as { skipped?: string; more?: boolean };
    if (body.skipped) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      continue;
    }
    if (!body.more) return;
  }
}
