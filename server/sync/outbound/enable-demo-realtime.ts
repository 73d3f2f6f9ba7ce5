import type { TDatabase } from "@/db/client";
import { createDemoOutboundMessages } from "@/server/salesforce/demo-outbound-messages";
import { PULL_FIELDS } from "../core/pull-objects";
import { getOutboundToken } from "./outbound-token";

/** The wizard's "set it up in the demo org for me": outbound messages for every pulled object. */
export async function enableDemoRealtime(db: TDatabase, origin: string): Promise<{ rules: number }> {
  return createDemoOutboundMessages(db, `${origin}/api/salesforce/outbound/${await getOutboundToken(db)}`, PULL_FIELDS);
}
