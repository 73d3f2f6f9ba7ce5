import { describe, expect, it } from "vitest";
import { companyDomainOfEmail, normalizeDomain, normalizeEmailAddress } from "./normalize";

describe("normalizeEmailAddress", () => {
  it.each([
    ["  Jon.Smith@Acme.COM ", "jon.smith@acme.com"],
    ["mailto:ada@example.com", "ada@example.com"],
    ["not an email", null],
    ["a@b", null],
    ["", null],
    [null, null],
  ])("%j → %j", (input, expected) => expect(normalizeEmailAddress(input)).toBe(expected));
});

describe("normalizeDomain", () => {
  it.each([
    ["https://WWW.Acme.com/about?x=1", "acme.com"],
    ["acme.com", "acme.com"],
    ["http://www2.acme.co.uk:8080", "acme.co.uk"],
    ["www.acme.com.", "acme.com"],
    ["https://user:pw@shop.acme.com/path", "shop.acme.com"],
    ["Acme Inc", null],
    ["localhost", null],
    ["", null],
    [undefined, null],
  ])("%j → %j", (input, expected) => expect(normalizeDomain(input)).toBe(expected));
});

describe("companyDomainOfEmail", () => {
  it.each([
    ["jon@acme.com", "acme.com"],
    ["jon@gmail.com", null],
    ["bad", null],
  ])("%j → %j", (input, expected) => expect(companyDomainOfEmail(input)).toBe(expected));
});
