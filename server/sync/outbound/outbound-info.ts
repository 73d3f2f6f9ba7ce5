import { z } from "zod";
import type { TDatabase } from "@/db/client";
import { getConnectionRow } from "@/server/salesforce/connection-store";
import { ZLastOutboundMessageSchema } from "@/server/settings/setting-keys";
import { readSetting } from "@/server/settings/settings-store";
import { getOutboundToken } from "./outbound-token";

export const ZOutboundInfoSchema = z.object({
  endpointUrl: z.string(),
  lastReceived: ZLastOutboundMessageSchema.unwrap(),
  demo: z.boolean(),
});

/** The Real-time updates step: where Salesforce posts, and the last message that arrived. */
export async function getOutboundInfo(db: TDatabase, origin: string): Promise<z.infer<typeof ZOutboundInfoSchema>> {
  const token = await getOutboundToken(db);
  const connection = await getConnectionRow(db);
  const lastReceived = await readSetting(db, "outbound.lastReceived");
  return {
    endpointUrl: `${origin}/api/salesforce/outbound/${token}`,
    lastReceived,
    demo: connection?.environment === "demo",
  };
}
