import type { TDatabase } from "@/db/client";
import { AppError } from "@/server/errors";
import { getConnectionRow } from "./connection-store";

/**
 * Demo org only: creates the outbound messages an admin would create in Salesforce Setup, one per
 * object, pointing at `endpointUrl`. (A real org is set up by hand; the wizard shows how.)
 */
export async function createDemoOutboundMessages(
  db: TDatabase,
  endpointUrl: string,
  fieldsByObject: Record<string, string[]>,
): Promise<{ rules: number }> {
  const connection = await getConnectionRow(db);
  if (connection?.environment !== "demo")
    throw new AppError(
      "BAD_REQUEST",
      "Only the demo org can be set up from Tandem. In a real org, follow the steps shown.",
    );
  let rules = 0;
  for (const [object, fields] of Object.entries(fieldsByObject)) {
    const response = await fetch(`${connection.loginUrl}/__emulator/outbound-messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      // Outbound messages cannot select relationship fields such as Owner.Name.
      body: JSON.stringify({
        name: `Tandem ${object} changes`,
        object,
        fields: fields.filter((field) => !field.includes(".")),
        endpointUrl,
        active: true,
      }),
    });
    if (!response.ok)
      throw new AppError(
        "SALESFORCE_ERROR",
        `The demo org refused the outbound message for ${object} (${response.status}).`,
      );
    rules += 1;
  }
  return { rules };
}
