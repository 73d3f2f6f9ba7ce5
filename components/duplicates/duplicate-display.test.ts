import { describe, expect, it } from "vitest";
import type { TDuplicatePair, TDuplicateRecord } from "@/server/duplicates/duplicate-schemas";
import {
  compareRows,
  distinctNames,
  formatScore,
  groupByCluster,
  pairName,
  recordKindLabel,
  sameValue,
} from "./duplicate-display";

const record = (values: Partial<TDuplicateRecord> = {}): TDuplicateRecord => ({
  type: "person",
  id: "p1",
  kind: "contact",
  name: "Ada Lovelace",
  email: null,
  phone: null,
  company: null,
  href: "/people/p1",
  ...values,
});

const pair = (id: string, cluster: string, values: Partial<TDuplicatePair> = {}): TDuplicatePair => ({
  id,
  entity: "people",
  score: 0.97,
  reasons: [],
  state: "open",
  cluster: { id: cluster, records: 2, pairs: 1 },
  a: record(),
  b: record({ id: "p2" }),
  createdAt: 0,
  updatedAt: 0,
  ...values,
});

describe("a potential duplicate as the queue shows it", () => {
  it("never rounds a score up, and shows tenths just under 100%", () => {
    expect(formatScore(0.29)).toBe("29%");
    expect(formatScore(0.9896)).toBe("98%");
    expect(formatScore(0.9987)).toBe("99.8%");
    expect(formatScore(0.99)).toBe("99%");
    expect(formatScore(1)).toBe("100%");
  });

  it("names a record's kind: contact, lead, account, or prospect whatever its kind", () => {
    expect(recordKindLabel({ type: "person", kind: "lead" })).toBe("Lead");
    expect(recordKindLabel({ type: "account", kind: "account" })).toBe("Account");
    expect(recordKindLabel({ type: "prospect", kind: "company" })).toBe("Prospect");
  });

  it("reads values as the same despite case, spacing, a phone's punctuation or a website's scheme", () => {
    expect(sameValue("email", " Ada@Example.com", "ada@example.com")).toBe(true);
    expect(sameValue("phone", "+1 (415) 555-0100", "415.555.0100")).toBe(true);
    expect(sameValue("phone", "555-0100", "555-0199")).toBe(false);
    expect(sameValue("company", "https://www.acme.com/", "acme.com", true)).toBe(true);
    expect(sameValue("name", "Ada", null)).toBe(false);
    expect(sameValue("name", "  ", null)).toBe(true);
    expect(sameValue("company", "Lynch, Lowe and Stokes", "Lynch Lowe and Stokes")).toBe(true);
    expect(sameValue("company", "ACME, Incorporated", "Acme Inc")).toBe(false);
  });

  it("marks the fields that differ, shows websites for companies, and leaves out what neither has", () => {
    const people = compareRows(
      pair("d1", "c1", {
        a: record({ email: "ada@example.com", phone: "415 555 0100" }),
        b: record({ name: "Ada  lovelace", email: "ada@other.com", phone: "+1 415 555 0100", company: "Acme" }),
      }),
    );
    expect(people.map((row) => [row.key, row.differs])).toEqual([
      ["name", false],
      ["email", true],
      ["phone", false],
      ["company", true],
    ]);
    const companies = compareRows(
      pair("d2", "c2", {
        entity: "companies",
        a: record({ type: "account", kind: "account", company: "acme.com" }),
        b: record({ type: "account", kind: "account", company: "http://acme.com" }),
      }),
    );
    expect(companies).toEqual([
      { key: "name", label: "Name", a: "Ada Lovelace", b: "Ada Lovelace", differs: false },
      { key: "company", label: "Website", a: "acme.com", b: "http://acme.com", differs: false },
    ]);
  });

  it("groups a page's pairs by cluster in the queue's order", () => {
    const groups = groupByCluster([pair("1", "x"), pair("2", "x"), pair("3", "y"), pair("4", "z")]);
    expect(groups.map((group) => [group.cluster.id, group.pairs.map((row) => row.id)])).toEqual([
      ["x", ["1", "2"]],
      ["y", ["3"]],
      ["z", ["4"]],
    ]);
  });
});

describe("two records with one name", () => {
  it("are told apart by kind, else by Salesforce Id, else by their place in the pair", () => {
    const contact = { type: "person" as const, kind: "contact" as const, name: "Elisha Abbott" };
    expect(distinctNames(contact, { ...contact, kind: "lead", name: "elisha  abbott" })).toEqual({
      a: "Elisha Abbott (contact)",
      b: "elisha  abbott (lead)",
    });
    expect(distinctNames({ ...contact, sfId: "003A" }, { ...contact, sfId: "003B" })).toEqual({
      a: "Elisha Abbott (003A)",
      b: "Elisha Abbott (003B)",
    });
    expect(pairName({ a: contact, b: contact })).toBe("Elisha Abbott (first) and Elisha Abbott (second)");
    expect(pairName({ a: contact, b: { ...contact, name: "Elisha Abbot" } })).toBe("Elisha Abbott and Elisha Abbot");
  });
});
