import { describe, expect, it } from "vitest";
import type { TMatchRecord } from "./fields";
import { findDuplicates } from "./find-duplicates";
import { MatchIndex } from "./match-index";
import { defaultModel } from "./model";

const people: TMatchRecord[] = [
  { id: "a", values: { firstName: "Jon", lastName: "Smyth", email: "jon.smith@acme.com", phone: "312 542 1640" } },
  { id: "b", values: { firstName: "John", lastName: "Smith", email: "jon.smith@acme.com", phone: "(312) 542-1640" } },
  { id: "c", values: { firstName: "Bill", lastName: "Gates", email: "bill@gates.org", city: "Seattle" } },
  { id: "d", values: { firstName: "William", lastName: "Gates", email: "bill@gates.org" } },
  { id: "e", values: { firstName: "Ada", lastName: "Lovelace", email: "ada@engine.io" } },
  { id: "f", values: { firstName: "Grace", lastName: "Hopper", email: "grace@navy.mil" } },
  { id: "g", values: { firstName: "Grace", lastName: "Jones", email: "grace@island.com" } },
];

describe("DUP-1: a set deduplicated", () => {
  it("clusters the true pairs and nothing else", () => {
    const result = findDuplicates("people", people);
    const cluster = (id: string) => result.clusterOf[people.findIndex((p) => p.id === id)];
    expect(cluster("a")).toBe(cluster("b"));
    expect(cluster("c")).toBe(cluster("d"));
    expect(new Set(["e", "f", "g"].map(cluster)).size).toBe(3);
    expect(cluster("a")).not.toBe(cluster("c"));
    expect(result.pairs).toHaveLength(2);
    for (const pair of result.pairs) expect(pair.score).toBeGreaterThanOrEqual(0.9);
    expect(result.bestScore[people.findIndex((p) => p.id === "e")]).toBe(0);
  });

  it("a higher threshold asks for more evidence", () => {
    const loose = findDuplicates("people", people, { score: 0.5 }).pairs.length;
    const strict = findDuplicates("people", people, { score: 0.999999999 }).pairs.length;
    expect(strict).toBeLessThanOrEqual(loose);
  });

  it("is deterministic", () => {
    const first = findDuplicates("people", people);
    const second = findDuplicates("people", people);
    expect(second.model).toEqual(first.model);
    expect([...second.clusterOf]).toEqual([...first.clusterOf]);
  });

  it("never compares all pairs: records without a shared key are not candidates", () => {
    const firsts = ["Ann", "Bob", "Carl", "Dora", "Emil", "Fay", "Gus", "Hugo", "Ivy", "Jude"];
    const lasts = ["Moss", "Kerr", "Lund", "Park", "Vidal", "Zorn", "Tate", "Ruiz", "Nagy", "Bach"];
    const many: TMatchRecord[] = firsts.flatMap((first, i) =>
      lasts.map((last, j) => ({
        id: `${i}-${j}`,
        values: { firstName: first, lastName: last, email: `${first}.${last}@d${i}${j}.com` },
      })),
    );
    const result = findDuplicates("people", many);
    expect(result.stats.candidatePairs).toBeLessThan((100 * 99) / 2 / 20);
    expect(result.pairs).toEqual([]);
  });
});

describe("DUP-4: the single-record check as a rep types", () => {
  it("finds the likely duplicates of a new record, best first, with reasons", () => {
    const index = new MatchIndex("people", defaultModel("people"));
    for (const person of people) index.add(person);
    const found = index.check({
      id: "new",
      values: { firstName: "Jonathan", lastName: "Smith", email: "jon.smith@acme.com" },
    });
    expect(found.map((match) => match.id).sort()).toEqual(["a", "b"]);
    expect(found[0]!.reasons).toContain("same email");
    expect(index.check({ id: "new", values: { firstName: "Zed", lastName: "Zebra", email: "zed@zoo.com" } })).toEqual(
      [],
    );
  });

  it("a removed record is no longer found; the record itself never is", () => {
    const index = new MatchIndex("people", defaultModel("people"));
    for (const person of people) index.add(person);
    expect(index.check(people[0]!).map((match) => match.id)).toEqual(["b"]);
    index.remove("b");
    expect(index.check(people[0]!)).toEqual([]);
    expect(index.size).toBe(people.length - 1);
  });
});

describe("DUP-1: a value many records share counts for less", () => {
  it("an organisation's switchboard number does not make its sites one", () => {
    const sites: TMatchRecord[] = Array.from({ length: 12 }, (_, i) => ({
      id: `s${i}`,
      values: {
        name: `Hull House ${["Lawndale", "Uptown", "Parkway", "Orr", "Beacon", "Lincoln", "Avalon", "Dunning", "Edison", "Garfield", "Hegewisch", "Irving"][i]}`,
        phone: "312 906 8600",
      },
    }));
    const others: TMatchRecord[] = Array.from({ length: 60 }, (_, i) => ({
      id: `o${i}`,
      values: { name: `Company ${String.fromCharCode(65 + (i % 26))}${i}`, phone: `312 555 ${String(1000 + i)}` },
    }));
    const result = findDuplicates("companies", [...sites, ...others]);
    expect(result.pairs).toEqual([]);
  });
});

describe("DUP-1: two buildings are two sites", () => {
  it("one organisation's name and switchboard at two street numbers: not a pair; at one: a pair", () => {
    const site = (id: string, name: string, address: string): TMatchRecord => ({
      id,
      values: { name, address, postcode: "60618", phone: "773 348 5528" },
    });
    const records = [
      site("west", "Mary Crane Center", "2820 N Leavitt St"),
      site("west-again", "Mary Crane Center", "2820 N. Leavitt Street"),
      site("north", "Mary Crane Center", "2905 N Leavitt St"),
    ];
    const others: TMatchRecord[] = Array.from({ length: 60 }, (_, i) => ({
      id: `o${i}`,
      values: { name: `Company ${i}`, address: `${100 + i} Main St`, phone: `312 555 ${String(1000 + i)}` },
    }));
    const all = [...records, ...others];
    const result = findDuplicates("companies", all);
    expect(result.pairs.map((pair) => [all[pair.a]!.id, all[pair.b]!.id])).toEqual([["west", "west-again"]]);
  });
});

describe("DUP-1: coworkers are not one person", () => {
  const office = { company: "Hickle Schowalter", address: "12 Main St", city: "Springfield", postcode: "62701" };
  it("same office, company and domain, different names: not a pair", () => {
    const records: TMatchRecord[] = [
      { id: "1", values: { ...office, firstName: "Angelica", lastName: "Erdman", email: "angelica@hickle.com" } },
      { id: "2", values: { ...office, firstName: "Evelyn", lastName: "Kuhic", email: "evelyn@hickle.com" } },
      { id: "3", values: { ...office, firstName: "Angela", lastName: "Erdman", email: "angela.erdman@hickle.com" } },
    ];
    const result = findDuplicates("people", records);
    const clusterOf = (id: string) => result.clusterOf[records.findIndex((r) => r.id === id)];
    expect(clusterOf("1")).not.toBe(clusterOf("2"));
    expect(clusterOf("2")).not.toBe(clusterOf("3"));
  });

  it("the same person at the same office still is", () => {
    const records: TMatchRecord[] = [
      { id: "1", values: { ...office, firstName: "Angelica", lastName: "Erdman", email: "angelica@hickle.com" } },
      { id: "2", values: { ...office, firstName: "Angelika", lastName: "Erdman", phone: "217 555 0100" } },
    ];
    expect(findDuplicates("people", records).pairs).toHaveLength(1);
  });
});

describe("DUP-1: a small list", () => {
  it("two records of one company in a four-row file pair up", () => {
    const records: TMatchRecord[] = [
      {
        id: "1",
        values: { name: "Acme Robotics Inc", website: "acme.com", phone: "312 542 1640", address: "12 Main St" },
      },
      {
        id: "2",
        values: {
          name: "ACME Robotics",
          website: "https://www.acme.com",
          phone: "(312) 542-1640",
          address: "12 Main Street",
        },
      },
      { id: "3", values: { name: "Globex", website: "globex.com", phone: "312 555 0101" } },
      { id: "4", values: { name: "Initech", website: "initech.com", phone: "312 555 0102" } },
    ];
    const result = findDuplicates("companies", records);
    expect(result.pairs.map((pair) => [pair.a, pair.b])).toEqual([[0, 1]]);
    expect(result.pairs[0]!.score).toBeGreaterThan(0.99);
  });
});
