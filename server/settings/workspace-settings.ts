import type { InStatement } from "@libsql/client";
import { z } from "zod";
import type { TDatabase } from "@/db/client";
import { AppError } from "@/server/errors";
import { PUSH_KINDS, type TPushKind } from "@/server/sync/core/push-kinds";
import { SYNC_OBJECTS, type TSyncObject } from "@/server/sync/core/sync-objects";
import {
  FIELD_MAPPING_MODES,
  MAPPED_OBJECTS,
  type TFieldMapping,
  type TFieldMappingEntry,
  type TFieldMappingMode,
  type TMappedObject,
} from "@/server/sync/core/field-mapping";
import { changedObjects, mappingChangeProblems, saveMappingStatements } from "@/server/mapping/save-mapping";
import { readFieldMapping, type TResolvedMapping } from "./field-mapping-settings";
import type { TPullVisibility } from "./pull-visibility";
import type { TPushSettings } from "./setting-keys";
import { readSetting, settingStatement } from "./settings-store";

/**
 * The workspace's sync settings as one JSON document (`npm run tandem -- settings export|import`),
 * so a configuration can move between deploys and live in version control: pull visibility, push
 * per kind, and field mapping per object.
 */

export { FIELD_MAPPING_MODES, MAPPED_OBJECTS };
export type { TFieldMapping, TFieldMappingEntry, TFieldMappingMode, TMappedObject };

export type TWorkspaceSettings = {
  pull: { visible: TPullVisibility };
  push: TPushSettings;
  mapping: TFieldMapping;
};

/** An object that refuses unknown keys, naming the keys it knows. */
function strictObject<T extends z.ZodRawShape>(shape: T) {
  const expected = Object.keys(shape).join(", ");
  return z.strictObject(shape, {
    error: (issue) => (issue.code === "unrecognized_keys" ? `unknown key; expected one of ${expected}` : undefined),
  });
}

export const ZFieldMappingEntrySchema = strictObject({
  tandem: z.string().trim().min(1, { error: "name the Tandem field" }),
  salesforce: z.string().trim().min(1, { error: "name the Salesforce field" }),
  mode: z.enum(FIELD_MAPPING_MODES, { error: `use one of ${FIELD_MAPPING_MODES.join(", ")}` }),
});

/** A list per object replaces that object's mapping. */
export const ZFieldMappingSchema = strictObject(
  pick(MAPPED_OBJECTS, () => z.array(ZFieldMappingEntrySchema).optional()),
);

const OTHER_PUSH_KINDS = PUSH_KINDS.filter((kind): kind is Exclude<TPushKind, "people"> => kind !== "people");

/** What an import accepts: every part optional, so a partial document changes only what it names. */
export const ZWorkspaceSettingsImportSchema = strictObject({
  pull: strictObject({
    visible: strictObject(pick(SYNC_OBJECTS, () => z.boolean().optional())).optional(),
  }).optional(),
  push: strictObject({
    people: strictObject({ enabled: z.boolean().optional(), as: z.enum(["Contact", "Lead"]).optional() }).optional(),
    ...pick(OTHER_PUSH_KINDS, () => strictObject({ enabled: z.boolean().optional() }).optional()),
  }).optional(),
  mapping: ZFieldMappingSchema.optional(),
});
export type TWorkspaceSettingsImport = z.infer<typeof ZWorkspaceSettingsImportSchema>;

/** The current settings as the document, keys in a fixed order and no timestamps. */
export async function exportWorkspaceSettings(db: TDatabase): Promise<TWorkspaceSettings> {
  const [visibility, push, mapping] = await Promise.all([
    readSetting(db, "pull.visibility"),
    readSetting(db, "push.settings"),
    readFieldMapping(db),
  ]);
  return documentOf(visibility, push, mapping);
}

/** The document as it is written to a file: two-space JSON with a final newline. */
export function formatWorkspaceSettings(document: TWorkspaceSettings): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

/**
 * Applies a settings document. Everything is validated before anything is written: on any problem
 * nothing changes and the error lists every problem with its JSON path. Only the settings the
 * document names change, all in one batch. Returns the JSON paths that changed (or would, with
 * `dryRun`, which writes nothing).
 */
export async function importWorkspaceSettings(
  db: TDatabase,
  document: unknown,
  options: { dryRun: boolean },
): Promise<{ changed: string[]; dryRun: boolean }> {
  const parsed = ZWorkspaceSettingsImportSchema.safeParse(document);
  if (!parsed.success) throw new AppError("BAD_REQUEST", describeProblems(parsed.error.issues));

  const resolved = await readFieldMapping(db);
  // Only lists that change are checked: an export imported back never needs the org.
  const mappingChange = Object.fromEntries(
    Object.entries(parsed.data.mapping ?? {}).filter(
      ([object, list]) => JSON.stringify(list) !== JSON.stringify(resolved.mapping[object as TMappedObject]),
    ),
  );
  const mappingProblems = mappingChangeProblems(resolved, mappingChange);
  if (mappingProblems.length) {
    throw new AppError(
      "BAD_REQUEST",
      describeLines(
        mappingProblems.map(
          (problem) =>
            `${problem.index < 0 ? `mapping.${problem.object}` : `mapping.${problem.object}[${problem.index}]`}: ${problem.message}`,
        ),
      ),
    );
  }
  const current = await exportWorkspaceSettings(db);
  const next = applyDocument(current, parsed.data);
  const changed = changedPaths(current, next);

  const statements: InStatement[] = [];
  if (changed.some((path) => path.startsWith("pull."))) {
    statements.push(settingStatement(db, "pull.visibility", next.pull.visible));
  }
  if (changed.some((path) => path.startsWith("push."))) {
    statements.push(settingStatement(db, "push.settings", next.push));
  }
  statements.push(
    ...saveMappingStatements(db, next.mapping, changedObjects(current.mapping, next.mapping), Date.now()),
  );
  if (!options.dryRun && statements.length) await db.$client.batch(statements, "write");
  return { changed, dryRun: options.dryRun };
}

function documentOf(visibility: TPullVisibility, push: TPushSettings, mapping: TResolvedMapping): TWorkspaceSettings {
  return {
    pull: { visible: pick(SYNC_OBJECTS, (object) => visibility[object]) },
    push: {
      people: { enabled: push.people.enabled, as: push.people.as },
      ...pick(OTHER_PUSH_KINDS, (kind) => ({ enabled: push[kind].enabled })),
    },
    mapping: pick(MAPPED_OBJECTS, (object) =>
      mapping.mapping[object].map((entry) => ({
        tandem: entry.tandem,
        salesforce: entry.salesforce,
        mode: entry.mode,
      })),
    ),
  };
}

function applyDocument(current: TWorkspaceSettings, patch: TWorkspaceSettingsImport): TWorkspaceSettings {
  const visible = patch.pull?.visible;
  const push = patch.push;
  return {
    pull: { visible: pick(SYNC_OBJECTS, (object: TSyncObject) => visible?.[object] ?? current.pull.visible[object]) },
    push: {
      people: {
        enabled: push?.people?.enabled ?? current.push.people.enabled,
        as: push?.people?.as ?? current.push.people.as,
      },
      ...pick(OTHER_PUSH_KINDS, (kind) => ({ enabled: push?.[kind]?.enabled ?? current.push[kind].enabled })),
    },
    // A list replaces that object's mapping, in the order given.
    mapping: pick(MAPPED_OBJECTS, (object: TMappedObject) => patch.mapping?.[object] ?? current.mapping[object]),
  };
}

/** The JSON paths of the leaves that differ, in document order. */
function changedPaths(before: unknown, after: unknown, path: string[] = []): string[] {
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])];
    return keys.flatMap((key) => changedPaths(before[key], after[key], [...path, key]));
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [path.join(".")];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function pick<K extends string, V>(keys: readonly K[], valueOf: (key: K) => V): Record<K, V> {
  return Object.fromEntries(keys.map((key) => [key, valueOf(key)])) as Record<K, V>;
}

/** One line per problem, each with its JSON path. */
function describeProblems(issues: z.core.$ZodIssue[]): string {
  return describeLines(
    issues.flatMap((issue) =>
      issue.code === "unrecognized_keys"
        ? issue.keys.map((key) => `${jsonPath([...issue.path, key])}: ${issue.message}`)
        : [`${jsonPath(issue.path)}: ${issue.message}`],
    ),
  );
}

function describeLines(lines: readonly string[]): string {
  return `The settings document was not imported; nothing changed:\n${lines.map((line) => `  ${line}`).join("\n")}`;
}

/** `pull.kinds[0]`; a key that is not a plain name is quoted (`[" "]`, `["a.b"]`), so none reads as blank. */
function jsonPath(path: readonly PropertyKey[]): string {
  if (!path.length) return "(the document)";
  return path
    .map((part, index) => {
      if (typeof part === "number") return `[${part}]`;
      const key = String(part);
      return /^[A-Za-z_$][\w$]*$/.test(key) ? `${index ? "." : ""}${key}` : `[${JSON.stringify(key)}]`;
    })
    .join("");
}
