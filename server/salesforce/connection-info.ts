import { z } from "zod";
import { ZSalesforceEnvironmentSchema } from "@/server/salesforce/environments";
import type { TDatabase } from "@/db/client";
import { getEnv, type TEnv } from "@/server/env";
import { appCredentials, demoOrgUrl } from "./app-credentials";
import { getConnectionRow } from "./connection-store";
import { oauthCallbackUrl } from "./oauth-flow";

export const ZConnectionInfoSchema = z.object({
  connection: z
    .object({
      status: z.enum(["connected", "broken"]),
      environment: ZSalesforceEnvironmentSchema,
      orgId: z.string(),
      orgName: z.string().nullable(),
      username: z.string().nullable(),
      instanceUrl: z.string(),
      apiVersion: z.string(),
      apiUsed: z.number().nullable(),
      apiMax: z.number().nullable(),
      lastError: z.string().nullable(),
      connectedAt: z.number(),
    })
    .nullable(),
  demoAvailable: z.boolean(),
  /** SALESFORCE_INSTANCE_URL and SALESFORCE_REFRESH_TOKEN are set: the server connects by itself. */
  headless: z.boolean(),
  credentialsConfigured: z.boolean(),
  callbackUrl: z.string(),
});
export type TConnectionInfo = z.infer<typeof ZConnectionInfoSchema>;

/** What the Connect step and the Sync page show: never a token. */
export async function getConnectionInfo(db: TDatabase, origin: string, env: TEnv = getEnv()): Promise<TConnectionInfo> {
  const row = await getConnectionRow(db);
  return {
    connection: row
      ? {
          status: row.status,
          environment: row.environment,
          orgId: row.orgId,
          orgName: row.orgName,
          username: row.username,
          instanceUrl: row.instanceUrl,
          apiVersion: row.apiVersion,
          apiUsed: row.apiUsed,
          apiMax: row.apiMax,
          lastError: row.lastError,
          connectedAt: row.connectedAt,
        }
      : null,
    demoAvailable: demoOrgUrl(env) !== null,
    headless: Boolean(env.SALESFORCE_INSTANCE_URL && env.SALESFORCE_REFRESH_TOKEN),
    credentialsConfigured: appCredentials("production", env) !== null,
    callbackUrl: oauthCallbackUrl(origin),
  };
}
