import { z } from "zod";

/**
 * Every workspace setting, by key, with the schema its JSON value must satisfy: the one place a
 * key is named. `readSetting`/`writeSetting` take only these keys, so a misspelt key or a value
 * of the wrong shape is a type error. A schema's default is what an absent (or outdated) value
 * reads as.
 */

/** Admin-tunable sync behaviour. */
export const ZSyncOptionsSchema = z
  .object({
    /** Background pulls pause above this share of the org's daily API limit. */
    apiPauseShare: z.number().min(0.1).max(1).default(0.8),
    /** How far before the cursor each pull starts (PULL-5). */
    overlapMinutes: z.number().int().min(0).max(60).default(5),
    /** Set while an admin holds the first sync (the wizard's Cancel); background ticks skip. */
    pausedByAdmin: z.boolean().default(false),
  })
  .default({ apiPauseShare: 0.8, overlapMinutes: 5, pausedByAdmin: false });

/**
 * PULL-2: each pulled object can be hidden from view. Hidden records still sync and still count
 * for PULL-3, PULL-4 and duplicate detection; only pages, lists and exports leave them out.
 */
export const ZPullVisibilitySchema = z
  .object({
    Account: z.boolean().default(true),
    Contact: z.boolean().default(true),
    Lead: z.boolean().default(true),
    Opportunity: z.boolean().default(true),
  })
  .default({ Account: true, Contact: true, Lead: true, Opportunity: true });

/** The wizard's steps an admin confirmed (the others are derived from the data). */
export const ZSetupStepsSchema = z
  .object({ pullConfirmed: z.boolean().default(false), realtimeDone: z.boolean().default(false) })
  .default({ pullConfirmed: false, realtimeDone: false });

/** The generated outbound-message path token, encrypted (server/sync/outbound/outbound-token.ts). */
export const ZOutboundTokenSchema = z.object({ sealed: z.string() }).nullable().default(null);

/** The last outbound message that arrived, for the wizard and the Sync page. */
export const ZLastOutboundMessageSchema = z
  .object({
    at: z.number(),
    object: z.string().nullable(),
    notifications: z.number(),
    newlyStored: z.number().optional(),
  })
  .nullable()
  .default(null);

/** The org connected last, so connecting a different one clears the old org's records. */
export const ZLastOrgIdSchema = z.string().nullable().default(null);

/** The first-run setup token when TANDEM_SETUP_TOKEN is not set, encrypted (server/setup/setup-token.ts). */
export const ZSetupTokenSchema = z.object({ sealed: z.string() }).nullable().default(null);

/** The headless refresh token an admin disconnected, as a hash (server/salesforce/headless-disconnect.ts). */
export const ZHeadlessDisconnectSchema = z.object({ refreshTokenHash: z.string() }).nullable().default(null);

export const SETTINGS = {
  "sync.options": ZSyncOptionsSchema,
  "pull.visibility": ZPullVisibilitySchema,
  "setup.progress": ZSetupStepsSchema,
  "outbound.token": ZOutboundTokenSchema,
  "outbound.lastReceived": ZLastOutboundMessageSchema,
  "salesforce.lastOrgId": ZLastOrgIdSchema,
  "setup.token": ZSetupTokenSchema,
  "salesforce.headlessDisconnected": ZHeadlessDisconnectSchema,
} as const satisfies Record<string, z.ZodType>;

export type TSettingKey = keyof typeof SETTINGS;
export type TSettingValue<K extends TSettingKey> = z.infer<(typeof SETTINGS)[K]>;
