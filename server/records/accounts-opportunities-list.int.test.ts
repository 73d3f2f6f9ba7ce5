import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDatabaseKind, type TTestDatabase } from "@/db/testing/test-database";
import { setPullVisibility } from "@/server/settings/pull-visibility";
import { listAccounts } from "./list-accounts";
import { listOpportunities } from "./list-opportunities";
import { listOwners } from "./list-owners";
import { insertAccounts, insertConnection, insertOpportunities, insertPeople } from "./testing/crm-fixtures";

let database: TTestDatabase;
let acme: { id: string; sfId: string | null };

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  const accounts = await insertAccounts(db, [
    {
      name: "Acme Rockets",
      website: "https://www.acme.example",
      domainNormalized: "acme.example",
      industry: "Aerospace",
      city: "Reno",
      country: "USA",
      ownerName: "Olivia",
    },
    {
      name: "Globex",
      website: "globex.example",
      domainNormalized: "globex.example",
      industry: "Energy",
      country: "Germany",
      ownerSfId: "005B",
      ownerName: "Bruno",
    },
    { name: "Initech", industry: null, ownerName: "Olivia" },
    { name: "Gone Corp", state: "deleted" },
  ]);
  acme = accounts[0]!;
  await insertPeople(db, [
    { name: "Ann", accountSfId: acme.sfId },
    { name: "Bob", accountSfId: acme.sfId },
    { name: "Old Contact", accountSfId: acme.sfId, state: "merged" },
    { name: "A lead", kind: "lead", company: "Acme Rockets" },
  ]);
  await insertOpportunities(db, [
    {
      name: "Acme — Rocket fuel",
      accountSfId: acme.sfId,
      stageName: "Proposal",
      amount: 50_000,
      closeDate: "2026-05-01",
      isClosed: false,
      isWon: false,
      ownerName: "Olivia",
      fields: { CurrencyIsoCode: "EUR" },
    },
    {
      name: "Acme — Launch pad",
      accountSfId: acme.sfId,
      stageName: "Closed Won",
      amount: 900_000,
      closeDate: "2026-01-15",
      isClosed: true,
      isWon: true,
      ownerName: "Olivia",
    },
    {
      name: "Globex — Turbines",
      accountSfId: accounts[1]!.sfId,
      stageName: "Closed Lost",
      amount: 20_000,
      closeDate: null,
      isClosed: true,
      isWon: false,
      ownerName: "Bruno",
    },
    { name: "Unattached deal", stageName: "Prospecting", amount: null, isClosed: false, source: "tandem" },
  ]);
});
afterAll(() => database.cleanup());

describe(`accounts list on ${testDatabaseKind()}`, () => {
  it("lists active accounts with their contact and open-opportunity counts", async () => {
    const list = await listAccounts(database.db, {});
    expect(list.total).toBe(3);
    expect(list.rows.map((row) => [row.name, row.contactCount, row.openOpportunityCount])).toEqual([
      ["Acme Rockets", 2, 1],
      ["Globex", 0, 0],
      ["Initech", 0, 0],
    ]);
  });

  it("gives each row its own counts whatever the sort, reading them for the page only", async () => {
    const sorted = await listAccounts(database.db, { sort: "industry", direction: "desc", pageSize: 25 });
    expect(sorted.rows.map((row) => [row.name, row.contactCount, row.openOpportunityCount])).toEqual([
      ["Globex", 0, 0],
      ["Acme Rockets", 2, 1],
      ["Initech", 0, 0],
    ]);
  });

  it("sorts by industry with empty values last, and by location", async () => {
    expect(
      (await listAccounts(database.db, { sort: "industry", direction: "desc" })).rows.map((row) => row.name),
    ).toEqual(["Globex", "Acme Rockets", "Initech"]);
    expect((await listAccounts(database.db, { sort: "location" })).rows.map((row) => row.name)).toEqual([
      "Globex",
      "Acme Rockets",
      "Initech",
    ]);
  });

  it("searches name and website, and filters by owner", async () => {
    expect((await listAccounts(database.db, { search: "ACME.example" })).rows.map((row) => row.name)).toEqual([
      "Acme Rockets",
    ]);
    expect((await listAccounts(database.db, { search: "glob" })).total).toBe(1);
    expect((await listAccounts(database.db, { owner: "Olivia" })).total).toBe(2);
    expect((await listAccounts(database.db, { owner: "005B" })).rows.map((row) => row.name)).toEqual(["Globex"]);
    expect(await listOwners(database.db, "accounts")).toEqual([
      { value: "005B", label: "Bruno" },
      { value: "Olivia", label: "Olivia" },
    ]);
  });

  it("PULL-2: hidden contacts and opportunities leave their counts out; hidden accounts leave the list empty", async () => {
    await setPullVisibility(database.db, "Contact", false);
    await setPullVisibility(database.db, "Opportunity", false);
    const counts = await listAccounts(database.db, {});
    expect(counts.rows[0]).toMatchObject({ name: "Acme Rockets", contactCount: null, openOpportunityCount: null });
    await setPullVisibility(database.db, "Contact", true);
    await setPullVisibility(database.db, "Opportunity", true);

    await setPullVisibility(database.db, "Account", false);
    const hidden = await listAccounts(database.db, {});
    expect(hidden).toMatchObject({ total: 0, rows: [], context: { hiddenObjects: ["Account"] } });
    expect(await listOwners(database.db, "accounts")).toEqual([]);
    await setPullVisibility(database.db, "Account", true);
  });
});

describe(`opportunities list on ${testDatabaseKind()}`, () => {
  it("lists opportunities with account, stage, amount, currency and close date", async () => {
    await insertConnection(database.db, "https://acme.my.salesforce.com");
    const list = await listOpportunities(database.db, {});
    expect(list.total).toBe(4);
    const fuel = list.rows.find((row) => row.name === "Acme — Rocket fuel");
    expect(fuel).toMatchObject({
      account: { id: acme.id, name: "Acme Rockets" },
      stage: "Proposal",
      amount: 50_000,
      currency: "EUR",
      closeDate: "2026-05-01",
    });
    expect(fuel?.salesforceUrl).toMatch(
      /^https:\/\/acme\.my\.salesforce\.com\/lightning\/r\/Opportunity\/006\w{15}\/view$/,
    );
  });

  it("sorts by amount and close date, empty ones last either way", async () => {
    expect(
      (await listOpportunities(database.db, { sort: "amount", direction: "desc" })).rows.map((row) => row.amount),
    ).toEqual([900_000, 50_000, 20_000, null]);
    expect((await listOpportunities(database.db, { sort: "closeDate" })).rows.map((row) => row.closeDate)).toEqual([
      "2026-01-15",
      "2026-05-01",
      null,
      null,
    ]);
    expect(
      (await listOpportunities(database.db, { sort: "account" })).rows.map((row) => row.account?.name ?? null),
    ).toEqual(["Acme Rockets", "Acme Rockets", "Globex", null]);
  });

  it("filters by status, source and account, and searches account names", async () => {
    const names = async (input: Parameters<typeof listOpportunities>[1]) =>
      (await listOpportunities(database.db, input)).rows.map((row) => row.name);
    expect(await names({ status: "open" })).toEqual(["Acme — Rocket fuel", "Unattached deal"]);
    expect(await names({ status: "won" })).toEqual(["Acme — Launch pad"]);
    expect(await names({ status: "lost" })).toEqual(["Globex — Turbines"]);
    expect(await names({ source: "tandem" })).toEqual(["Unattached deal"]);
    expect(await names({ search: "globex" })).toEqual(["Globex — Turbines"]);
    const atAcme = await listOpportunities(database.db, { accountId: acme.id });
    expect(atAcme.total).toBe(2);
    expect(atAcme.account).toEqual({ id: acme.id, name: "Acme Rockets" });
  });

  it("pages with a stable order across pages", async () => {
    const first = await listOpportunities(database.db, { pageSize: 25, page: 1 });
    const beyond = await listOpportunities(database.db, { pageSize: 25, page: 2 });
    expect(first.rows).toHaveLength(4);
    expect(beyond).toMatchObject({ rows: [], total: 4, page: 2 });
  });

  it("PULL-2: hidden opportunities are absent; hidden accounts leave the account column empty", async () => {
    await setPullVisibility(database.db, "Account", false);
    const withoutAccounts = await listOpportunities(database.db, {});
    expect(withoutAccounts.rows.every((row) => row.account === null)).toBe(true);
    expect((await listOpportunities(database.db, { search: "Acme Rockets" })).total).toBe(0);
    await setPullVisibility(database.db, "Account", true);
    await setPullVisibility(database.db, "Opportunity", false);
    expect(await listOpportunities(database.db, {})).toMatchObject({
      total: 0,
      rows: [],
      context: { hiddenObjects: ["Opportunity"] },
    });
    await setPullVisibility(database.db, "Opportunity", true);
  });
});
