import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { SALESFORCE_ENVIRONMENTS } from "../../server/salesforce/environments";

export { SALESFORCE_ENVIRONMENTS };
export const CONNECTION_STATUSES = ["connected", "broken"] as const;

/** The one Salesforce org this workspace is connected to (a single row, id "default"). */
export const salesforceConnection = sqliteTable("salesforce_connection", {
  id: text("id").primaryKey(),
  environment: text("environment", { enum: SALESFORCE_ENVIRONMENTS }).notNull(),
  loginUrl: text("login_url").notNull(),
  instanceUrl: text("instance_url").notNull(),
  apiVersion: text("api_version").notNull(),
  orgId: text("org_id").notNull(),
  orgName: text("org_name"),
  userId: text("user_id").notNull(),
  username: text("username"),
  /** AES-256-GCM, see server/salesforce/token-cipher.ts. Never logged, never sent to the UI. */
  refreshTokenEncrypted: text("refresh_token_encrypted").notNull(),
  accessTokenEncrypted: text("access_token_encrypted"),
  status: text("status", { enum: CONNECTION_STATUSES }).notNull(),
  lastError: text("last_error"),
  apiUsed: integer("api_used"),
  apiMax: integer("api_max"),
  apiUsageAt: integer("api_usage_at"),
  connectedAt: integer("connected_at").notNull(),
  connectedBy: text("connected_by"),
});

/** A started OAuth web-server flow, keyed by its `state`, holding the PKCE verifier. */
export const oauthFlows = sqliteTable("oauth_flows", {
  state: text("state").primaryKey(),
  environment: text("environment", { enum: SALESFORCE_ENVIRONMENTS }).notNull(),
  loginUrl: text("login_url").notNull(),
  codeVerifier: text("code_verifier").notNull(),
  startedBy: text("started_by").notNull(),
  createdAt: integer("created_at").notNull(),
});
