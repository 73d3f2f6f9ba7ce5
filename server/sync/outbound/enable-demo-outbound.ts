import type { TDatabase } from "@/db/client";
import { AppError } from "@/server/errors";
import { getConnectionRow } from "@/server/salesforce/connection-store";
import { PULL_FIELDS } from "../core/pull-objects";
import { getOutboundToken } from "./outbound-token";

/**
 * Demo org only: creates the outbound messages an admin would create in Salesforce Setup, one per
 * pulled object, pointing at this Tandem. (A real org is set up by hand; the wizard shows how.)
 */
export async function enableDemoOutboundMessages(db: TDatabase, origin: string): Promise<{ rules: number }> {
  const connection = await getConnectionRow(db);
  if (connection?.environment !== "demo") throw new AppError("BAD_REQUEST", "Only the demo org can be set up from Tandem. In a real org, follow the steps shown.");
  const endpointUrl = `${origin}/api/salesforce/outbound/${await getOutboundToken(db)}`;
  let rules = 0;
  for (const [object, fields] of Object.entries(PULL_FIELDS)) {
    const response = await fetch(`${connection.loginUrl}/__emulator/outbound-messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      // Outbound messages cannot select relationship fields such as Owner.Name.
      body: JSON.stringify({ name: `Tandem ${object} changes`, object, fields: fields.filter((field) => !field.includes(".")), endpointUrl, active: true }),
    });
    if (!response.ok) throw new AppError("SALESFORCE_ERROR", `The demo org refused the outbound message for ${object} (${response.status}).`);
    rules += 1;
  }
  return { rules };
}
