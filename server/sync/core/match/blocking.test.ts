import { describe, expect, it } from "vitest";
import { blockingKeys } from "./blocking";
import { matchFeatures } from "./features";
import type { TMatchEntity } from "./fields";

const keysOf = (entity: TMatchEntity, values: Record<string, string>) =>
  blockingKeys(matchFeatures(entity, { id: "x", values }));
const share = (entity: TMatchEntity, a: Record<string, string>, b: Record<string, string>) => {
  const left = new Set(keysOf(entity, a));
  return keysOf(entity, b).some((key) => left.has(key));
};

describe("DUP-1: blocking keys", () => {
  const jon = { firstName: "Jon", lastName: "Smith", email: "jon@acme.com", phone: "312 542 1640", postcode: "60623" };
  it.each([
    ["a typo in the email", { ...jon, email: "jon@acme.co" }],
    ["a nickname and a new email", { ...jon, firstName: "Jonathan", email: "j@new.com" }],
    ["swapped names and no email", { ...jon, firstName: "Smith", lastName: "Jon", email: "" }],
    ["a misspelt surname and no phone", { ...jon, lastName: "Smyth", phone: "" }],
    ["only the phone left", { firstName: "", lastName: "", phone: "(312) 542-1640" }],
  ])("a true pair still meets with %s", (_label, other) => expect(share("people", jon, other)).toBe(true));

  it("people with nothing in common share no key", () => {
    expect(
      share("people", jon, { firstName: "Mary", lastName: "Jones", email: "mary@other.org", postcode: "10001" }),
    ).toBe(false);
  });

  it("a record without matchable values has no key", () => {
    expect(keysOf("people", { title: "CEO" })).toEqual([]);
  });

  it("companies meet on domain, phone, name words and address", () => {
    const acme = { name: "Acme Robotics", website: "acme.com", phone: "312 542 1640", address: "12 Main St" };
    expect(share("companies", acme, { name: "ACME Robotics Inc", website: "" })).toBe(true);
    expect(share("companies", acme, { name: "AR", website: "https://www.acme.com" })).toBe(true);
    expect(share("companies", acme, { name: "Robotics of Acme", phone: "" })).toBe(true);
    expect(share("companies", acme, { name: "Other", address: "12 Main Street" })).toBe(true);
    expect(share("companies", acme, { name: "Globex", website: "globex.com" })).toBe(false);
  });
});
