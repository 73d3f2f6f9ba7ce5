import { z } from "zod";
import { PUSH_KINDS } from "@/server/sync/core/push-kinds";

export const ZPeopleAsSchema = z.enum(["Contact", "Lead"]);

/** What the last describe found: per object push writes, whether it carries the `Tandem_Id__c` external Id. */
export const ZTandemIdCheckSchema = z.object({
  checkedAt: z.number(),
  objects: z.array(z.object({ object: z.string(), hasTandemId: z.boolean() })),
});
export type TTandemIdCheck = z.infer<typeof ZTandemIdCheckSchema>;

export const ZPushKindStateSchema = z.object({
  kind: z.enum(PUSH_KINDS),
  enabled: z.boolean(),
  /** Records created in Tandem while the kind was off: "Not in Salesforce". */
  local: z.number().int(),
  pending: z.number().int(),
  failed: z.number().int(),
});
export type TPushKindState = z.infer<typeof ZPushKindStateSchema>;

/** PUSH-1 as the settings page and the wizard show it. */
export const ZPushSettingsViewSchema = z.object({
  kinds: z.array(ZPushKindStateSchema),
  peopleAs: ZPeopleAsSchema,
  connected: z.boolean(),
  /** Null until the connected org was checked. */
  tandemId: ZTandemIdCheckSchema.nullable(),
});
export type TPushSettingsView = z.infer<typeof ZPushSettingsViewSchema>;

/**
 * A change to the push settings. `existing` answers the question asked when a kind is switched on
 * while it has records Not in Salesforce: push them too, or only records created from now on.
 */
export const ZPushSettingsUpdateSchema = z.object({
  enabled: z.partialRecord(z.enum(PUSH_KINDS), z.boolean()).default({}),
  peopleAs: ZPeopleAsSchema.optional(),
  existing: z.enum(["push", "skip"]).default("skip"),
});
export type TPushSettingsUpdate = z.input<typeof ZPushSettingsUpdateSchema>;

export const ZPushSettingsUpdateResultSchema = ZPushSettingsViewSchema.extend({
  /** Records Not in Salesforce now queued to be pushed. */
  queued: z.number().int(),
  /** Records Not in Salesforce left in Tandem only (their queued creates cancelled). */
  keptLocal: z.number().int(),
});
export type TPushSettingsUpdateResult = z.infer<typeof ZPushSettingsUpdateResultSchema>;
