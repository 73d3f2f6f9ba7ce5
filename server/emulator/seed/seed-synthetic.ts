import type { OrgContext } from "../context";
import { deriveFields } from "../org/derived-fields";
import { SfError } from "../org/errors";
import { formatDate } from "../org/serialize";
import type { Rec } from "../org/store";

const FIRST = [
  "Ava",
  "Ben",
  "Chloe",
  "Dev",
  "Eli",
  "Fay",
  "Gus",
  "Hana",
  "Ivan",
  "Jade",
  "Kai",
  "Lena",
  "Milo",
  "Nia",
  "Omar",
  "Pia",
];
const LAST = [
  "Adams",
  "Baker",
  "Clark",
  "Diaz",
  "Evans",
  "Fox",
  "Gray",
  "Hill",
  "Ito",
  "Jones",
  "Khan",
  "Lopez",
  "Moore",
  "Nash",
  "Ortiz",
  "Park",
];

/** The name synthetic contact (or lead) `index` gets. */
function syntheticName(index: number): { first: string; last: string } {
  return {
    first: FIRST[index % FIRST.length]!,
    last: `${LAST[Math.floor(index / FIRST.length) % LAST.length]!}${index}`,
  };
}

/** The email synthetic contact (or lead) `index` gets: what a test needs to find it again. */
export function syntheticEmail(index: number): string {
  const { first, last } = syntheticName(index);
  return `${first}.${last}@bench.example`.toLowerCase();
}

/** The name synthetic account `index` gets. */
export function syntheticAccountName(index: number): string {
  return `Bench Account ${index}`;
}
const PER_STAMP = 1000;
export const MAX_SYNTHETIC = 2_000_000;

/**
 * Fast synthetic rows for benchmarks: no faker, no rules. Like a bulk load in a real org, rows
 * loaded together share a SystemModstamp (one per 1,000 rows), ordered by Id within it.
 */
export function insertSynthetic(
  org: OrgContext,
  objectName: string,
  count: number,
): { object: string; inserted: number; firstId: string | null; lastId: string | null } {
  const table = org.store.table(objectName);
  if (!table) throw new SfError(400, "INVALID_TYPE", `sObject type '${objectName}' is not supported.`);
  if (!table.def.createable)
    throw new SfError(400, "INVALID_TYPE_FOR_OPERATION", `entity type ${table.def.name} does not support insert`);
  if (!Number.isInteger(count) || count < 1 || count > MAX_SYNTHETIC)
    throw new SfError(400, "INVALID_FIELD", `count must be 1..${MAX_SYNTHETIC}`);
  const store = org.store;
  const required = table.def.fields.filter((f) => f.createable && !f.nillable && !f.defaultedOnCreate);
  const accountIds = [...(store.table("Account")?.byId.keys() ?? [])].slice(0, 1000);
  const today = formatDate(org.clock());
  let stamp = 0;
  let firstId: string | null = null;
  let lastId: string | null = null;
  for (let i = 0; i < count; i++) {
    if (i % PER_STAMP === 0) stamp = store.nextStamp();
    const { first, last } = syntheticName(i);
    const id = store.ids.next(table.def.keyPrefix);
    const rec: Rec = { Id: id, IsDeleted: false };
    if (table.def.byLowerName.has("ownerid")) rec.OwnerId = org.demoUserId;
    for (const f of required) {
      if (f.type === "date") rec[f.name] = today;
      else if (f.type === "picklist") rec[f.name] = f.picklistValues[0]?.value ?? "Open";
      else if (f.type !== "reference") rec[f.name] = `${f.label} ${i}`.slice(0, f.length || 80);
    }
    switch (table.def.name) {
      case "Contact":
      case "Lead":
        Object.assign(rec, {
          FirstName: first,
          LastName: last,
          Email: syntheticEmail(i),
          Title: "Buyer",
        });
        if (table.def.name === "Lead") rec.Company = `Bench Co ${i % 5000}`;
        else if (accountIds.length > 0) rec.AccountId = accountIds[i % accountIds.length]!;
        break;
      case "Account":
        Object.assign(rec, {
          Name: syntheticAccountName(i),
          Website: `https://bench${i}.example`,
          Industry: "Technology",
        });
        break;
      case "Opportunity":
        Object.assign(rec, {
          Name: `Bench Deal ${i}`,
          StageName: "Prospecting",
          CloseDate: today,
          Amount: (i % 100) * 1000,
        });
        break;
    }
    for (const f of table.def.fields) if (f.type === "boolean" && rec[f.name] === undefined) rec[f.name] = false;
    deriveFields(org, table, rec);
    const has = (n: string) => table.def.byLowerName.has(n);
    if (has("createddate")) {
      rec.CreatedDate = stamp;
      rec.CreatedById = org.demoUserId;
    }
    if (has("lastmodifieddate")) {
      rec.LastModifiedDate = stamp;
      rec.LastModifiedById = org.demoUserId;
    }
    rec.SystemModstamp = stamp;
    for (const k of Object.keys(rec)) if (rec[k] === null) delete rec[k];
    store.write(table, rec, "insert");
    firstId ??= id;
    lastId = id;
  }
  return { object: table.def.name, inserted: count, firstId, lastId };
}
