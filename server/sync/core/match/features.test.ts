import { describe, expect, it } from "vitest";
import { matchFeatures } from "./features";

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
