import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openDatabase } from "@/db/client";
import { mappingRecheck, prospects, settings } from "@/db/schema";
import { toStatement } from "@/db/statements";
import { createTestDatabase, type TTestDatabase } from "@/db/testing/test-database";
import { runSettingsCommand } from "@/server/cli/commands/settings-command";
import { AppError } from "@/server/errors";
import { caseCounter, fuzzParameters } from "@/server/testing/fuzz";
import type { TOrgPushInfo } from "./setting-keys";
import { settingStatement } from "./settings-store";
import type { TWorkspaceSettings } from "./workspace-settings";

/*
 * `settings import FILE [--dry-run]` against random JSON and mutated valid documents, through the
 * command itself, on a migrated database whose org's fields were read. What a document must do is
 * decided here from the contract (DESIGN.md §4), not by the code under test: an invalid document
 * is refused whole with a reason and `settings export` is byte-for-byte what it was (and so are
 * the stored rows); a valid one applies exactly what it names, and a dry run writes nothing but
 * lists the same changes.
 */

const cases = caseCounter("settings import");
const outcomes = { applied: 0, dryRuns: 0, refused: 0, unchanged: 0 };
let database: TTestDatabase;
let workDir: string;
let fileNumber = 0;

type TField = NonNullable<TOrgPushInfo["mappableFields"]>[string][number];
const field = (name: string, type: string, updateable = true): TField => ({
  name,
  label: name,
  type,
  length: 255,
  updateable,
  picklistValues: [],
});

/** The org's fields as its last describe found them. */
const ORG_INFO: TOrgPushInfo = {
  checkedAt: 1,
  orgId: "00D000000000001AAA",
  tandemIdObjects: [],
  enhancedNotes: true,
  opportunityStages: [],
  leadStatuses: [],
  users: [],
  mappableFields: {
    Contact: [
      field("Title", "string"),
      field("Phone", "phone"),
      field("MailingCity", "string"),
      field("Email", "email"),
      field("Website__c", "url"),
      field("Description", "textarea"),
      field("Status__c", "picklist"),
      field("Birthdate", "date"),
      field("Name", "string", false),
      field("Department", "string", false),
    ],
    Lead: [field("Title", "string"), field("Phone", "phone"), field("Company", "string"), field("Website", "url")],
    Account: [
      field("Phone", "phone"),
      field("Website", "url"),
      field("Industry", "picklist"),
      field("BillingCity", "string"),
      field("Name", "string"),
    ],
  },
};

const SYNC_OBJECTS = ["Account", "Contact", "Lead", "Opportunity"] as const;
const PUSH_KINDS = ["people", "accounts", "opportunities", "activities", "tasks", "meetings", "notes"] as const;
const MAPPED = ["Contact", "Lead", "Account"] as const;
const MODES = ["off", "auto-fill", "auto-overwrite"];

beforeAll(async () => {
  database = await createTestDatabase();
  workDir = mkdtempSync(join(tmpdir(), "tandem-settings-fuzz-"));
  vi.spyOn(console, "error").mockImplementation(() => {});
});
afterAll(async () => {
  vi.restoreAllMocks();
  cases.report();
  console.log(`[fuzz] settings import: outcomes ${JSON.stringify(outcomes)}`);
  rmSync(workDir, { recursive: true, force: true });
  await database.cleanup();
});

/**
 * The same starting point for every case, written in one batch: some settings changed from their
 * defaults, a prospect linked to a CRM record, and (when `orgRead`) the org's fields.
 */
async function resetWorkspace(orgRead: boolean) {
  const { db } = database;
  await database.client.batch(
    [
      toStatement(db.delete(settings)),
      toStatement(db.delete(mappingRecheck)),
      toStatement(db.delete(prospects)),
      settingStatement(db, "pull.visibility", { Account: true, Contact: true, Lead: false, Opportunity: true }),
      settingStatement(db, "push.settings", {
        people: { enabled: true, as: "Lead" },
        accounts: { enabled: true },
        opportunities: { enabled: false },
        activities: { enabled: false },
        tasks: { enabled: true },
        meetings: { enabled: false },
        notes: { enabled: false },
      }),
      settingStatement(db, "mapping.fields", {
        Contact: [{ tandem: "title", salesforce: "Title", mode: "auto-fill" }],
      }),
      ...(orgRead ? [settingStatement(db, "salesforce.pushInfo", ORG_INFO)] : []),
      toStatement(
        db.insert(prospects).values({
          id: "pr1",
          kind: "person",
          name: "Ada Lovelace",
          extra: {},
          source: "import",
          crmRecordType: "person",
          crmRecordId: "person-1",
          createdAt: 1,
          updatedAt: 1,
        }),
      ),
    ],
    "write",
  );
}

/** The command opens its own connection and closes it when done, as the CLI does. */
const openDb = async () => openDatabase({ url: database.url });

async function exportText(): Promise<string> {
  const out = join(workDir, `export-${(fileNumber += 1)}.json`);
  await runSettingsCommand(["export", "--out", out], openDb);
  const text = readFileSync(out, "utf8");
  rmSync(out);
  return text;
}

/** Everything an import may touch, as stored (timestamps included). */
async function storedState() {
  return {
    settings: await database.db.select().from(settings).orderBy(settings.key),
    rechecks: await database.db.select().from(mappingRecheck).orderBy(mappingRecheck.recordId),
  };
}

async function importText(text: string, dryRun: boolean): Promise<{ changed: string[]; dryRun: boolean } | AppError> {
  const file = join(workDir, `settings-${(fileNumber += 1)}.json`);
  writeFileSync(file, text);
  const printed: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((line: string) => void printed.push(line));
  try {
    await runSettingsCommand(["import", file, ...(dryRun ? ["--dry-run"] : [])], openDb);
    return JSON.parse(printed.join("\n")) as { changed: string[]; dryRun: boolean };
  } catch (error) {
    if (error instanceof AppError && error.code === "BAD_REQUEST") return error;
    throw error;
  } finally {
    log.mockRestore();
    rmSync(file, { force: true });
  }
}

// The contract, written out: what a document means, or null when it must be refused.

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const only = (value: Record<string, unknown>, keys: readonly string[]) =>
  Object.keys(value).every((key) => keys.includes(key));

const TANDEM_FIELDS = {
  person: [
    "firstName",
    "lastName",
    "email",
    "title",
    "company",
    "website",
    "phone",
    "city",
    "country",
    "linkedinUrl",
    "industry",
  ],
  company: ["name", "website", "phone", "city", "country", "linkedinUrl", "industry"],
};
const KIND_OF: Record<string, "text" | "email" | "phone" | "url"> = {
  email: "email",
  phone: "phone",
  website: "url",
  linkedinUrl: "url",
};
const FITS = {
  text: ["string", "textarea", "picklist", "combobox"],
  email: ["email", "string", "textarea"],
  phone: ["phone", "string"],
  url: ["url", "string", "textarea"],
};
const NEVER_MAPPED = ["Id", "Name", "OwnerId", "MasterRecordId", "Tandem_Id__c"];

type TEntry = { tandem: string; salesforce: string; mode: string };

function entryOf(value: unknown): TEntry | null {
  if (!isObject(value) || !only(value, ["tandem", "salesforce", "mode"])) return null;
  const { tandem, salesforce, mode } = value;
  if (typeof tandem !== "string" || typeof salesforce !== "string" || typeof mode !== "string") return null;
  if (!tandem.trim() || !salesforce.trim() || !MODES.includes(mode)) return null;
  return { tandem: tandem.trim(), salesforce: salesforce.trim(), mode };
}

/**
 * Whether a list can be saved against the org: every Tandem field known, every Salesforce field
 * writable and fitting, none twice. Before the org's fields were read, only an empty list can.
 */
function listFits(object: (typeof MAPPED)[number], list: TEntry[], orgRead: boolean): boolean {
  if (!orgRead) return list.length === 0;
  const fields = ORG_INFO.mappableFields?.[object] ?? [];
  const seen = new Set<string>();
  return list.every((entry) => {
    const extra = entry.tandem.startsWith("extra.") && entry.tandem.slice("extra.".length).trim() !== "";
    const known = extra || TANDEM_FIELDS[object === "Account" ? "company" : "person"].includes(entry.tandem);
    const target = fields.find((candidate) => candidate.name.toLowerCase() === entry.salesforce.toLowerCase());
    const kind = extra ? "text" : (KIND_OF[entry.tandem] ?? "text");
    const twice = seen.has(entry.salesforce.toLowerCase());
    seen.add(entry.salesforce.toLowerCase());
    return (
      known &&
      !!target &&
      !NEVER_MAPPED.includes(target.name) &&
      target.updateable &&
      FITS[kind].includes(target.type) &&
      !twice
    );
  });
}

/** The settings after importing `document` over `current`, or null when the document must be refused. */
function meaningOf(document: unknown, current: TWorkspaceSettings, orgRead: boolean): TWorkspaceSettings | null {
  if (!isObject(document) || !only(document, ["pull", "push", "mapping"])) return null;
  const next: TWorkspaceSettings = structuredClone(current);
  const { pull, push, mapping } = document;
  if (pull !== undefined) {
    if (!isObject(pull) || !only(pull, ["visible"])) return null;
    if (pull.visible !== undefined) {
      if (!isObject(pull.visible) || !only(pull.visible, SYNC_OBJECTS)) return null;
      for (const [object, visible] of Object.entries(pull.visible)) {
        if (typeof visible !== "boolean") return null;
        next.pull.visible[object as (typeof SYNC_OBJECTS)[number]] = visible;
      }
    }
  }
  if (push !== undefined) {
    if (!isObject(push) || !only(push, PUSH_KINDS)) return null;
    for (const [kind, value] of Object.entries(push)) {
      if (!isObject(value) || !only(value, kind === "people" ? ["enabled", "as"] : ["enabled"])) return null;
      if (value.enabled !== undefined) {
        if (typeof value.enabled !== "boolean") return null;
        next.push[kind as (typeof PUSH_KINDS)[number]].enabled = value.enabled;
      }
      if (value.as !== undefined) {
        if (value.as !== "Contact" && value.as !== "Lead") return null;
        next.push.people.as = value.as;
      }
    }
  }
  if (mapping !== undefined) {
    if (!isObject(mapping) || !only(mapping, MAPPED)) return null;
    for (const [object, value] of Object.entries(mapping) as Array<[(typeof MAPPED)[number], unknown]>) {
      if (!Array.isArray(value)) return null;
      const list = value.map(entryOf);
      if (list.some((entry) => entry === null)) return null;
      const entries = list as TEntry[];
      // A list equal to the one in place changes nothing and needs no check.
      if (JSON.stringify(entries) !== JSON.stringify(current.mapping[object]) && !listFits(object, entries, orgRead))
        return null;
      next.mapping[object] = entries as TWorkspaceSettings["mapping"][typeof object];
    }
  }
  return next;
}

/** The JSON paths whose values differ, in the document's order; a mapping list counts as one value. */
function changedPaths(before: unknown, after: unknown, path: string[] = []): string[] {
  if (isObject(before) && isObject(after)) {
    return [...new Set([...Object.keys(after), ...Object.keys(before)])].flatMap((key) =>
      changedPaths(before[key], after[key], [...path, key]),
    );
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [path.join(".")];
}

// Documents: valid ones built from the contract, then mutated anywhere.

const VALID_ENTRIES: Record<(typeof MAPPED)[number], Array<[string, string]>> = {
  Contact: [
    ["title", "Title"],
    ["firstName", "Title"],
    ["phone", "Phone"],
    ["city", "MailingCity"],
    ["email", "Email"],
    ["website", "Website__c"],
    ["linkedinUrl", "Website__c"],
    ["extra.Notes", "Description"],
    ["email", "Description"],
    ["industry", "Status__c"],
  ],
  Lead: [
    ["title", "Title"],
    ["phone", "Phone"],
    ["company", "Company"],
    ["website", "Website"],
    ["phone", "Title"],
  ],
  Account: [
    ["phone", "Phone"],
    ["website", "Website"],
    ["industry", "Industry"],
    ["city", "BillingCity"],
    ["extra.Region", "BillingCity"],
  ],
};

const arbitraryList = (object: (typeof MAPPED)[number]) =>
  fc
    .uniqueArray(
      fc.record({
        pair: fc.constantFrom(...VALID_ENTRIES[object]),
        mode: fc.constantFrom(...MODES),
        padding: fc.constantFrom("", " ", "\t"),
      }),
      { maxLength: 4, selector: (entry) => entry.pair[1] },
    )
    .map((entries) =>
      entries.map(({ pair: [tandem, salesforce], mode, padding }) => ({
        tandem: `${padding}${tandem}`,
        salesforce: `${salesforce}${padding}`,
        mode,
      })),
    );

const partialOf = <T>(keys: readonly string[], value: fc.Arbitrary<T>) =>
  fc.record(Object.fromEntries(keys.map((key) => [key, value])) as Record<string, fc.Arbitrary<T>>, {
    requiredKeys: [],
  });

const arbitraryValidDocument: fc.Arbitrary<Record<string, unknown>> = fc.record(
  {
    pull: fc.record({ visible: partialOf(SYNC_OBJECTS, fc.boolean()) }, { requiredKeys: [] }),
    push: fc.record(
      {
        people: fc.record({ enabled: fc.boolean(), as: fc.constantFrom("Contact", "Lead") }, { requiredKeys: [] }),
        ...Object.fromEntries(
          PUSH_KINDS.filter((kind) => kind !== "people").map((kind) => [
            kind,
            fc.record({ enabled: fc.boolean() }, { requiredKeys: [] }),
          ]),
        ),
      },
      { requiredKeys: [] },
    ),
    mapping: fc.record(Object.fromEntries(MAPPED.map((object) => [object, arbitraryList(object)])), {
      requiredKeys: [],
    }),
  },
  { requiredKeys: [] },
);

/** Replacements that are wrong somewhere in a document, or right in an unexpected way. */
const awkwardValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(
    "true",
    1,
    0,
    null,
    [],
    {},
    "",
    "   ",
    "Contact",
    "Account",
    "auto-fill",
    "Auto-fill",
    "on",
    "Name",
    "name",
    "Id",
    "Birthdate",
    "Department",
    "Nope__c",
    "title",
    "TITLE",
    "shoeSize",
    "extra.",
    "extra.  ",
    "x".repeat(10_000),
  ),
);
const awkwardKey = fc.constantFrom(
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
  "Visible",
  "peple",
  "",
  " ",
  "0",
  "mapping",
);

type TMutation = {
  path: number;
  kind: "delete" | "replace" | "add-key" | "duplicate" | "wrap";
  value: unknown;
  key: string;
};

/** Every object and array of the document with where it sits, for a mutation to pick one. */
function containers(value: unknown, found: Array<Record<string, unknown> | unknown[]> = []) {
  if (Array.isArray(value)) {
    found.push(value);
    value.forEach((item) => containers(item, found));
  } else if (isObject(value)) {
    found.push(value);
    Object.values(value).forEach((item) => containers(item, found));
  }
  return found;
}

function mutate(document: Record<string, unknown>, mutations: TMutation[]): unknown {
  const copy = structuredClone(document);
  for (const mutation of mutations) {
    const all = containers(copy);
    const target = all[mutation.path % all.length]!;
    const keys = Array.isArray(target) ? target.map((_, index) => index) : Object.keys(target);
    const key = keys.length ? keys[mutation.path % keys.length]! : undefined;
    const slot = target as Record<string | number, unknown>;
    if (mutation.kind === "add-key" && !Array.isArray(target)) {
      Object.defineProperty(target, mutation.key, {
        value: mutation.value,
        enumerable: true,
        configurable: true,
        writable: true,
      });
    } else if (key === undefined) continue;
    else if (mutation.kind === "delete") {
      if (Array.isArray(target)) target.splice(Number(key), 1);
      else delete slot[key];
    } else if (mutation.kind === "replace") slot[key] = mutation.value;
    else if (mutation.kind === "duplicate" && Array.isArray(target)) target.push(structuredClone(target[Number(key)]));
    else if (mutation.kind === "wrap") slot[key] = [slot[key]];
  }
  return copy;
}

const arbitraryMutations = fc.array(
  fc.record({
    path: fc.nat(),
    kind: fc.constantFrom<TMutation["kind"]>("delete", "replace", "replace", "add-key", "duplicate", "wrap"),
    value: awkwardValue,
    key: awkwardKey,
  }),
  { maxLength: 3 },
);

/** A document as a file holds it: JSON text, sometimes with an odd layout. */
const arbitraryDocumentText = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(arbitraryValidDocument, arbitraryMutations)
      .map(([document, mutations]) => JSON.stringify(mutate(document, mutations), null, 2)),
  },
  { weight: 2, arbitrary: arbitraryValidDocument.map((document) => JSON.stringify(document)) },
  { weight: 2, arbitrary: fc.jsonValue().map((value) => JSON.stringify(value)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 60 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom("", "{", "null", "[]", '{"push": {"people": {"enabled": true}}', "{}\n{}", "\u0000"),
  },
);

async function checkImport(text: string, dryRun: boolean, orgRead: boolean) {
  cases.count();
  await resetWorkspace(orgRead);
  const beforeText = await exportText();
  const beforeState = await storedState();
  const current = JSON.parse(beforeText) as TWorkspaceSettings;
  let document: unknown;
  let parsable = true;
  try {
    document = JSON.parse(text);
  } catch {
    parsable = false;
  }
  const expected = parsable ? meaningOf(document, current, orgRead) : null;
  const result = await importText(text, dryRun);
  const afterText = await exportText();

  if (expected === null) {
    expect(result, `must be refused: ${text.slice(0, 300)}`).toBeInstanceOf(AppError);
    expect((result as AppError).message).toMatch(
      /^The settings document was not imported; nothing changed:\n {2}\S|is not valid JSON .*Nothing changed\./s,
    );
    expect(afterText, "a refused document changes nothing").toBe(beforeText);
    expect(await storedState()).toEqual(beforeState);
    outcomes.refused += 1;
    return;
  }
  expect(result, `must be accepted: ${text.slice(0, 300)}`).not.toBeInstanceOf(AppError);
  const { changed } = result as { changed: string[] };
  expect(changed).toEqual(changedPaths(current, expected));
  if (dryRun || changed.length === 0) {
    expect(afterText, dryRun ? "a dry run writes nothing" : "a document that changes nothing writes nothing").toBe(
      beforeText,
    );
    expect(await storedState()).toEqual(beforeState);
    outcomes[dryRun ? "dryRuns" : "unchanged"] += 1;
    return;
  }
  expect(afterText).toBe(`${JSON.stringify(expected, null, 2)}\n`);
  outcomes.applied += 1;
}

describe("settings import FILE [--dry-run], fuzzed", () => {
  it("refuses an invalid document whole, changing nothing; applies a valid one exactly; a dry run writes nothing", async () => {
    await fc.assert(
      fc.asyncProperty(
        arbitraryDocumentText,
        fc.boolean(),
        fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
        async (text, dryRun, orgRead) => {
          await checkImport(text, dryRun, orgRead);
        },
      ),
      fuzzParameters(400),
    );
  });
});
