import { z } from "zod";

/**
 * Where a Salesforce org lives, defined once for the database, the wizard, the API and the
 * headless connection: production and sandbox logins, a My Domain ("custom") URL, or the emulator's
 * demo org.
 */
export const SALESFORCE_ENVIRONMENTS = ["production", "sandbox", "custom", "demo"] as const;
export type TSalesforceEnvironment = (typeof SALESFORCE_ENVIRONMENTS)[number];
export const ZSalesforceEnvironmentSchema = z.enum(SALESFORCE_ENVIRONMENTS);
