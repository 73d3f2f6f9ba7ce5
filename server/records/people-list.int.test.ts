import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { crmPeople } from "@/db/schema";
import { createTestDatabase, testDatabaseKind, type TTestDatabase } from "@/db/testing/test-database";
import { setPullVisibility } from "@/server/settings/pull-visibility";
import { listOwners } from "./list-owners";
import { listPeople } from "./list-people";
import { finishFirstSync, insertAccounts, insertConnection, insertPeople } from "./testing/crm-fixtures";

let database: TTestDatabase;
let acme: { id: string; sfId: string | null };

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  const accounts = await insertAccounts(db, [{ name: "Acme Rockets" }, { name: "Globex" }]);
  acme = accounts[0]!;
  // 30 contacts at Acme (owner Olivia), 12 leads (owner Liam), and records no list may show.
  await insertPeople(
    db,
    Array.from({ length: 30 }, (_, index) => ({
      name: `Contact ${String(index).padStart(2, "0")}`,
      email: `contact${index}@acme.example`,
      title: index % 2 ? "Engineer" : null,
      accountSfId: acme.sfId,
      ownerSfId: "005OLIVIA",
      ownerName: "Olivia Owner",
    })),
  );
  await insertPeople(
    db,
    Array.from({ length: 12 }, (_, index) => ({
      kind: "lead" as const,
      name: `Lead ${String(index).padStart(2, "0")}`,
      email: `lead${index}@initech.example`,
      company: index === 3 ? "50% Off_Deals" : "Initech",
      ownerName: "Liam Leadowner",
      source: index < 2 ? ("import" as const) : ("pull" as const),
    })),
  );
  await insertPeople(db, [
    { name: "Retired Lead", kind: "lead", state: "retired" },
    { name: "Deleted Contact", state: "deleted" },
    { name: "Merged Contact", state: "merged" },
  ]);
});
afterAll(() => database.cleanup());

describe(`people list on ${testDatabaseKind()}`, () => {
  it("pages active contacts and leads by name with a total, never retired, deleted or merged ones", async () => {
    const first = await listPeople(database.db, { page: 1, pageSize: 25 });
    expect(first.total).toBe(42);
    expect(first.rows).toHaveLength(25);
    expect(first.rows[0]?.name).toBe("Contact 00");
    const second = await listPeople(database.db, { page: 2, pageSize: 25 });
    expect(second.rows).toHaveLength(17);
    expect(second.rows.at(-1)?.name).toBe("Lead 11");
    const names = [...first.rows, ...second.rows].map((row) => row.name);
    expect(new Set(names).size).toBe(42);
    expect(names).not.toContain("Retired Lead");
  });

  it("sorts by a column in either direction, with empty values last", async () => {
    const descending = await listPeople(database.db, { sort: "name", direction: "desc", pageSize: 25 });
    expect(descending.rows[0]?.name).toBe("Lead 11");
    const byTitle = await listPeople(database.db, { sort: "title", direction: "desc", pageSize: 100 });
    expect(byTitle.rows[0]?.title).toBe("Engineer");
    expect(byTitle.rows.at(-1)?.title).toBeNull();
    const byTitleAscending = await listPeople(database.db, { sort: "title", direction: "asc", pageSize: 100 });
    expect(byTitleAscending.rows[0]?.title).toBe("Engineer");
    const byKind = await listPeople(database.db, { sort: "kind", direction: "desc", pageSize: 25 });
    expect(byKind.rows.slice(0, 12).every((row) => row.kind === "lead")).toBe(true);
    const byCompany = await listPeople(database.db, { sort: "company", pageSize: 100 });
    expect(byCompany.rows[0]?.company).toBe("50% Off_Deals");
    expect(byCompany.rows.at(-1)?.company).toBe("Initech");
  });

  it("searches name, email and company (account names included), treating % and _ literally", async () => {
    expect((await listPeople(database.db, { search: "lead1" })).total).toBe(3); // lead1@, lead10@, lead11@
    expect((await listPeople(database.db, { search: "lead 0" })).total).toBe(10);
    expect((await listPeople(database.db, { search: "INITECH.example" })).total).toBe(12);
    expect((await listPeople(database.db, { search: "acme rock" })).total).toBe(30);
    // The company sort joins accounts; the account-name search must still mean the person's account.
    const byCompany = await listPeople(database.db, { search: "acme rock", sort: "company", pageSize: 50 });
    expect(byCompany.total).toBe(30);
    expect(byCompany.rows.every((row) => row.company === "Acme Rockets")).toBe(true);
    const literal = await listPeople(database.db, { search: "50% Off_" });
    expect(literal.rows.map((row) => row.name)).toEqual(["Lead 03"]);
    expect((await listPeople(database.db, { search: "5_%" })).total).toBe(0);
  });

  it("gives a searched or filtered list's total on every page, the last one and one past the end included", async () => {
    for (const filter of [{ search: "acme rock" }, { owner: "005OLIVIA" }, { accountId: acme.id }]) {
      const pages = await Promise.all(
        [1, 2, 3].map((page) => listPeople(database.db, { ...filter, page, pageSize: 25 })),
      );
      expect(pages.map((list) => [list.total, list.rows.length])).toEqual([
        [30, 25],
        [30, 5],
        [30, 0],
      ]);
    }
  });

  it("filters by kind, owner and source, and narrows to one account", async () => {
    expect((await listPeople(database.db, { kind: "lead" })).total).toBe(12);
    expect((await listPeople(database.db, { owner: "005OLIVIA" })).total).toBe(30);
    // Without a Salesforce user id, the owner's name is the filter value.
    expect((await listPeople(database.db, { owner: "Liam Leadowner" })).total).toBe(12);
    expect((await listPeople(database.db, { source: "import" })).total).toBe(2);
    const atAcme = await listPeople(database.db, { accountId: acme.id, pageSize: 50 });
    expect(atAcme.total).toBe(30);
    expect(atAcme.account).toEqual({ id: acme.id, name: "Acme Rockets" });
    expect(atAcme.rows[0]?.account).toEqual({ id: acme.id, name: "Acme Rockets" });
  });

  it("lists each owner once, by name, falling back to the Salesforce id", async () => {
    expect(await listOwners(database.db, "people")).toEqual([
      { value: "Liam Leadowner", label: "Liam Leadowner" },
      { value: "005OLIVIA", label: "Olivia Owner" },
    ]);
  });

  it("links rows to Salesforce only once connected, and reports the first sync", async () => {
    const before = await listPeople(database.db, {});
    expect(before.context).toEqual({ connected: false, firstSyncFinished: false, hiddenObjects: [] });
    expect(before.rows[0]?.salesforceUrl).toBeNull();
    await insertConnection(database.db, "https://acme.my.salesforce.com/");
    await finishFirstSync(database.db, ["Contact", "Lead"]);
    const after = await listPeople(database.db, {});
    expect(after.context).toMatchObject({ connected: true, firstSyncFinished: true });
    const row = after.rows[0]!;
    const sfId = (await database.db.query.crmPeople.findFirst({ where: (people, { eq }) => eq(people.id, row.id) }))
      ?.sfId;
    expect(row.salesforceUrl).toBe(`https://acme.my.salesforce.com/lightning/r/Contact/${sfId}/view`);
  });

  it("PULL-2: hidden leads are absent from the people list and its owner filter, yet still stored for matching", async () => {
    await setPullVisibility(database.db, "Lead", false);
    const list = await listPeople(database.db, { pageSize: 100 });
    expect(list.total).toBe(30);
    expect(list.rows.every((row) => row.kind === "contact")).toBe(true);
    expect(list.context.hiddenObjects).toEqual(["Lead"]);
    expect((await listPeople(database.db, { kind: "lead" })).total).toBe(0);
    expect((await listPeople(database.db, { search: "initech" })).total).toBe(0);
    expect(await listOwners(database.db, "people")).toEqual([{ value: "005OLIVIA", label: "Olivia Owner" }]);
    // Hidden is a view setting only: the leads are still there for PULL-3/PULL-4 matching.
    const stored = await database.db.$count(crmPeople, undefined);
    expect(stored).toBe(45);
    await setPullVisibility(database.db, "Lead", true);
  });

  it("PULL-2: with contacts and leads both hidden, the list is empty and says which are hidden", async () => {
    await setPullVisibility(database.db, "Lead", false);
    await setPullVisibility(database.db, "Contact", false);
    const list = await listPeople(database.db, {});
    expect(list).toMatchObject({ total: 0, rows: [], context: { hiddenObjects: ["Contact", "Lead"] } });
    await setPullVisibility(database.db, "Lead", true);
    await setPullVisibility(database.db, "Contact", true);
  });

  it("offers only owners with an active record, by the name any of them has, else the Salesforce id", async () => {
    await insertPeople(database.db, [
      { name: "Ghost Contact", state: "deleted", ownerSfId: "005GHOST", ownerName: "Gus Ghost" },
      { name: "Nameless Owner Contact", ownerSfId: "005NONAME" },
      { name: "Half-named Lead", kind: "lead", ownerName: null, ownerSfId: "005OLIVIA" },
    ]);
    expect(await listOwners(database.db, "people")).toEqual([
      { value: "005NONAME", label: "005NONAME" },
      { value: "Liam Leadowner", label: "Liam Leadowner" },
      { value: "005OLIVIA", label: "Olivia Owner" },
    ]);
    // Olivia's only lead has no name on it: with contacts hidden she is offered by her id.
    await setPullVisibility(database.db, "Contact", false);
    expect(await listOwners(database.db, "people")).toEqual([
      { value: "005OLIVIA", label: "005OLIVIA" },
      { value: "Liam Leadowner", label: "Liam Leadowner" },
    ]);
    await setPullVisibility(database.db, "Contact", true);
  });

  it("PULL-2: hidden accounts leave contacts' account names out of rows and search", async () => {
    await setPullVisibility(database.db, "Account", false);
    const list = await listPeople(database.db, { kind: "contact" });
    expect(list.rows[0]?.account).toBeNull();
    expect(list.rows[0]?.company).toBeNull();
    expect((await listPeople(database.db, { search: "acme rock" })).total).toBe(0);
    await setPullVisibility(database.db, "Account", true);
  });
});
