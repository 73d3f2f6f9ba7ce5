import { z } from "zod";
import { PUSH_KINDS, type TPushKind } from "@/server/sync/core/push-kinds";
import { FIELD_MAPPING_MODES, MAPPED_OBJECTS } from "@/server/sync/core/field-mapping";
import { MATCH_ENTITIES } from "@/server/sync/core/match/fields";

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
  .object({
    pullConfirmed: z.boolean().default(false),
    /** The admin passed "What Tandem pushes" (pushing nothing for now is an answer too). */
    pushReviewed: z.boolean().default(false),
    realtimeDone: z.boolean().default(false),
  })
  .default({ pullConfirmed: false, pushReviewed: false, realtimeDone: false });

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

/**
 * PUSH-1: what Tandem pushes to Salesforce, per kind, each off until an admin turns it on. People
 * go as Contacts unless the admin chose Leads (a person can override it when created).
 */
const pushKind = z.object({ enabled: z.boolean().default(false) }).default({ enabled: false });
export const ZPushSettingsSchema = z
  .object({
    people: z
      .object({ enabled: z.boolean().default(false), as: z.enum(["Contact", "Lead"]).default("Contact") })
      .default({ enabled: false, as: "Contact" }),
    ...(Object.fromEntries(PUSH_KINDS.filter((kind) => kind !== "people").map((kind) => [kind, pushKind])) as Record<
      Exclude<TPushKind, "people">,
      typeof pushKind
    >),
  })
  .default({
    people: { enabled: false, as: "Contact" },
    accounts: { enabled: false },
    opportunities: { enabled: false },
    activities: { enabled: false },
    tasks: { enabled: false },
    meetings: { enabled: false },
    notes: { enabled: false },
  });
export type TPushSettings = z.infer<typeof ZPushSettingsSchema>;

/**
 * What a describe of the org found, for push: which objects carry the `Tandem_Id__c` external Id
 * (exactly-once creates by upsert), whether enhanced notes exist, the opportunity stages, and the
 * active users (a record's owner is the user whose email matches the Tandem user).
 */
export const ZOrgPushInfoSchema = z
  .object({
    checkedAt: z.number(),
    orgId: z.string(),
    tandemIdObjects: z.array(z.string()),
    enhancedNotes: z.boolean(),
    opportunityStages: z.array(z.object({ value: z.string(), label: z.string(), isDefault: z.boolean() })),
    leadStatuses: z.array(z.object({ value: z.string(), label: z.string(), isDefault: z.boolean() })),
    users: z.array(z.object({ id: z.string(), name: z.string(), email: z.string().nullable() })),
    /**
     * MAP-1: the fields of Contact, Lead and Account a mapping may write (updateable, of a type
     * Tandem can fill). Absent in a check made before field mapping existed: checked again.
     */
    mappableFields: z
      .record(
        z.string(),
        z.array(
          z.object({
            name: z.string(),
            label: z.string(),
            type: z.string(),
            length: z.number(),
            updateable: z.boolean(),
            picklistValues: z.array(z.string()),
          }),
        ),
      )
      .optional(),
  })
  .nullable()
  .default(null);
export type TOrgPushInfo = NonNullable<z.infer<typeof ZOrgPushInfoSchema>>;

/**
 * MAP-1: the field mapping per object, as an admin saved it. An object never saved reads as its
 * default pairs, every one off (server/settings/field-mapping-settings.ts).
 */
const ZMappingList = z.array(
  z.object({ tandem: z.string(), salesforce: z.string(), mode: z.enum(FIELD_MAPPING_MODES) }),
);
export const ZFieldMappingSettingSchema = z
  .object(
    Object.fromEntries(MAPPED_OBJECTS.map((object) => [object, ZMappingList.optional()])) as Record<
      (typeof MAPPED_OBJECTS)[number],
      z.ZodOptional<typeof ZMappingList>
    >,
  )
  .default({});

/**
 * DUP-1: the duplicate matcher's model for one entity (people or companies), estimated from the
 * workspace's own records; null until the first check. The incremental check scores with it.
 */
export const ZMatchModelSchema = z
  .object({
    entity: z.enum(MATCH_ENTITIES),
    weights: z.array(z.array(z.number())),
    priorBits: z.number(),
    threshold: z.number(),
  })
  .nullable()
  .default(null);

/**
 * DUP-1: every record whose `updated_at` is at or before this time (epoch ms) was checked for
 * duplicates; later ones carry a mark per checked version in match_keys. Null before the first check.
 */
export const ZDuplicatesCheckedThroughSchema = z.number().nullable().default(null);

export const SETTINGS = {
  "sync.options": ZSyncOptionsSchema,
  "pull.visibility": ZPullVisibilitySchema,
  "setup.progress": ZSetupStepsSchema,
  "outbound.token": ZOutboundTokenSchema,
  "outbound.lastReceived": ZLastOutboundMessageSchema,
  "salesforce.lastOrgId": ZLastOrgIdSchema,
  "setup.token": ZSetupTokenSchema,
  "salesforce.headlessDisconnected": ZHeadlessDisconnectSchema,
  "push.settings": ZPushSettingsSchema,
  "salesforce.pushInfo": ZOrgPushInfoSchema,
  "mapping.fields": ZFieldMappingSettingSchema,
  "duplicates.model.people": ZMatchModelSchema,
  "duplicates.model.companies": ZMatchModelSchema,
  "duplicates.checkedThrough": ZDuplicatesCheckedThroughSchema,
} as const satisfies Record<string, z.ZodType>;

export type TSettingKey = keyof typeof SETTINGS;
export type TSettingValue<K extends TSettingKey> = z.infer<(typeof SETTINGS)[K]>;
