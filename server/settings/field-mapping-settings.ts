import type { TDatabase } from "@/db/client";
import {
  compareKindOf,
  defaultMappingFor,
  MAPPED_OBJECTS,
  mappedPushKind,
  mappingProblem,
  tandemFieldInfo,
  type TFieldMapping,
  type TFieldMappingEntry,
  type TMappableField,
  type TMappedObject,
} from "@/server/sync/core/field-mapping";
import type { TMappingRule } from "@/server/sync/core/plan-field-writes";
import { readSetting } from "./settings-store";
import type { TOrgPushInfo, TPushSettings } from "./setting-keys";

/**
 * MAP-1 as the engine and the pages read it: the mapping an admin saved (or each object's default
 * pairs, all off), checked against the fields the org had at its last describe.
 */
export type TResolvedMapping = {
  mapping: TFieldMapping;
  /** Which objects the admin saved (the others show their defaults). */
  saved: Record<TMappedObject, boolean>;
  /** The org's text-like fields per object, by lower-cased name; null before the first describe. */
  orgFields: Record<TMappedObject, ReadonlyMap<string, TMappableField>> | null;
  orgFieldsCheckedAt: number | null;
};

export function orgFieldsOf(info: TOrgPushInfo | null): TResolvedMapping["orgFields"] {
  if (!info?.mappableFields) return null;
  const fields = info.mappableFields;
  return Object.fromEntries(
    MAPPED_OBJECTS.map((object) => [
      object,
      new Map((fields[object] ?? []).map((field) => [field.name.toLowerCase(), field])),
    ]),
  ) as unknown as Record<TMappedObject, ReadonlyMap<string, TMappableField>>;
}

export function resolveMapping(
  stored: Partial<Record<TMappedObject, TFieldMappingEntry[] | undefined>>,
  info: TOrgPushInfo | null,
): TResolvedMapping {
  const orgFields = orgFieldsOf(info);
  const mapping = {} as TFieldMapping;
  const saved = {} as Record<TMappedObject, boolean>;
  for (const object of MAPPED_OBJECTS) {
    const list = stored[object];
    saved[object] = list !== undefined;
    mapping[object] = list ?? defaultMappingFor(object, orgFields?.[object] ?? null);
  }
  return { mapping, saved, orgFields, orgFieldsCheckedAt: info?.checkedAt ?? null };
}

export async function readFieldMapping(db: TDatabase): Promise<TResolvedMapping> {
  const [stored, info] = await Promise.all([readSetting(db, "mapping.fields"), readSetting(db, "salesforce.pushInfo")]);
  return resolveMapping(stored, info);
}

/** Why an entry cannot work against the org as last described; null when it can (or when not described yet). */
export function entryProblem(
  resolved: TResolvedMapping,
  object: TMappedObject,
  entry: TFieldMappingEntry,
): string | null {
  const fields = resolved.orgFields?.[object];
  if (!fields) return tandemFieldInfo(object, entry.tandem) ? null : mappingProblem(object, entry, undefined);
  return mappingProblem(object, entry, fields.get(entry.salesforce.toLowerCase()));
}

/**
 * The rules an object's records are planned with: every entry that works against the org (a
 * field deleted in Salesforce since is skipped, and the mapping page flags it), with the way its
 * values compare. `includeOff` keeps the entries that are off (the Enrichment page compares them).
 */
export function mappingRules(
  resolved: TResolvedMapping,
  object: TMappedObject,
  options: { includeOff: boolean } = { includeOff: false },
): TMappingRule[] {
  return resolved.mapping[object].flatMap((entry) => {
    if (!options.includeOff && entry.mode === "off") return [];
    if (entryProblem(resolved, object, entry)) return [];
    const tandem = tandemFieldInfo(object, entry.tandem);
    if (!tandem) return [];
    const field = resolved.orgFields?.[object].get(entry.salesforce.toLowerCase());
    return [
      { ...entry, salesforce: field?.name ?? entry.salesforce, compareAs: compareKindOf(tandem.kind, field?.type) },
    ];
  });
}

/** MAP-4: the Salesforce fields a pull asks for on top of its own, so mapped values are compared. */
export function mappedPullFields(resolved: TResolvedMapping, object: string): string[] {
  if (!(MAPPED_OBJECTS as readonly string[]).includes(object)) return [];
  return mappingRules(resolved, object as TMappedObject, { includeOff: true }).map((rule) => rule.salesforce);
}

/** Whether writes for an object's records can go (push on for its kind, PUSH-1). */
export function mappingPushEnabled(push: TPushSettings, object: TMappedObject): boolean {
  return push[mappedPushKind(object)].enabled;
}
