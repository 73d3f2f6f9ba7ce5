import { describe, expect, it } from "vitest";
import { MAX_MATCHED_CHARS, matchFeatures } from "./features";
import { findDuplicates } from "./find-duplicates";

const person = (values: Record<string, string>) => matchFeatures("people", { id: "p", values });
const company = (values: Record<string, string>) => matchFeatures("companies", { id: "c", values });

describe("DUP-1: person features", () => {
  it("folds names, keeps nickname groups and sound keys", () => {
    const f = person({ firstName: "Bill", lastName: "Van der Berg" });
    expect(f.first).toBe("bill");
    expect(f.firstFormal).toContain("william");
    expect(f.last).toBe("vanderberg");
    expect(f.lastSound).not.toBe("");
  });

  it.each([
    ["Smith, John A.", "john", "smith"],
    ["John Smith", "john", "smith"],
    ["Madonna", "", "madonna"],
  ])("reads a full name %j", (fullName, first, last) => {
    const f = person({ fullName });
    expect([f.first, f.last]).toEqual([first, last]);
  });

  it("takes a company domain from a work email, none from free mail", () => {
    expect(person({ email: "Jon@Mail.Acme.com" }).domain).toBe("acme.com");
    expect(person({ email: "jon@gmail.com" }).domain).toBe("");
    expect(person({ email: "jon@gmail.com", website: "https://www.acme.io/team" }).domain).toBe("acme.io");
  });

  it.each([
    ["1956-04-09", "19560409"],
    ["19560409", "19560409"],
    ["09/04/1956", "19560409"],
    ["04/09/1956", "19560409"],
    ["", ""],
  ])("reads the birth date %j", (birthDate, expected) => expect(person({ birthDate }).birthDate).toBe(expected));

  it("splits an address into number and street words, abbreviations spelled out", () => {
    const f = person({ address: "4217 W. 18th St." });
    expect(f.streetNumber).toBe("4217");
    expect(f.streetWords).toEqual(["west", "18th", "street"]);
    expect(person({ address: "4217 West 18th Street" }).address).toBe(f.address);
  });

  it.each([
    ["Suite 200, 100 Main St", "100"],
    ["PO Box 12", ""],
    ["Floor 3, 55 Water Street", "55"],
  ])("the building's number of %j is %j, not a suite's or a box's", (address, expected) =>
    expect(person({ address }).streetNumber).toBe(expected),
  );

  it("phones: E.164 and the local seven digits", () => {
    const f = person({ phone: "(312) 542-1640" });
    expect(f.phone).toBe("+13125421640");
    expect(f.phoneLocal).toBe("5421640");
  });
});

describe("DUP-1: company features", () => {
  it.each([
    ["The Acme Corporation, Inc.", "acme"],
    ["Smith & Sons Ltd", "smith and sons"],
    ["ACME GmbH", "acme"],
  ])("cleans the name %j", (name, expected) => expect(company({ name }).name).toBe(expected));

  it("uses the registrable domain of the website", () => {
    expect(company({ website: "https://blog.acme.co.uk/x" }).domain).toBe("acme.co.uk");
    expect(company({ email: "info@acme.com" }).domain).toBe("acme.com");
  });
});

describe("DUP-1: values of any length", () => {
  const long = "Smith Jones ".repeat(100_000);
  const clipped = long.slice(0, MAX_MATCHED_CHARS);

  it("reads the first MAX_MATCHED_CHARS characters of a value: a megabyte cell is its first 512", () => {
    const values = { firstName: long, lastName: long, address: long, title: long, email: `${long}@x.com` };
    const clippedValues = { firstName: clipped, lastName: clipped, address: clipped, title: clipped };
    expect(person(values)).toEqual(person({ ...clippedValues, email: `${long}@x.com`.slice(0, MAX_MATCHED_CHARS) }));
  });

  it("compares records whose cells hold a megabyte each as it compares their clipped values", () => {
    const records = (value: string) =>
      ["a", "b", "c"].map((id) => ({
        id,
        values: { name: `${id === "c" ? "Other" : "Acme"} ${value}`, address: value },
      }));
    const full = findDuplicates("companies", records(long));
    const short = findDuplicates("companies", records(clipped.slice(0, MAX_MATCHED_CHARS - 6)));
    expect(Array.from(full.clusterOf)).toEqual(Array.from(short.clusterOf));
  });
});
