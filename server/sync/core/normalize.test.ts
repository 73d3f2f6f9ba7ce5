import { describe, expect, it } from "vitest";
import {
  companyDomainOfEmail,
  isFreeMailDomain,
  normalizeDomain,
  normalizeEmailAddress,
  normalizePhone,
} from "./normalize";

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
    ["https://user:pw@shop.acme.com/path", "acme.com"],
    ["blog.acme.co.uk", "acme.co.uk"],
    ["acme.github.io", "acme.github.io"],
    ["192.168.0.1", null],
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
    ["jon@mail.acme.co.uk", "acme.co.uk"],
    ["jon@gmx.de", null],
    ["jon@yahoo.co.uk", null],
    ["jon@example.com", "example.com"],
    ["bad", null],
  ])("%j → %j", (input, expected) => expect(companyDomainOfEmail(input)).toBe(expected));
});

describe("DUP-1: free-mail domains come from a maintained list", () => {
  it.each([
    ["gmail.com", true],
    ["outlook.com", true],
    ["web.de", true],
    ["icloud.com", true],
    ["acme.com", false],
    ["example.com", false],
  ])("%s → %s", (domain, expected) => expect(isFreeMailDomain(domain)).toBe(expected));
});

describe("DUP-1: phones to E.164", () => {
  it.each([
    ["(555) 010-0199", "+15550100199"],
    ["+1 555 010 0199", "+15550100199"],
    ["1-555-010-0199", "+15550100199"],
    ["+44 20 7946 0958", "+442079460958"],
    ["+44 (0)20 7946 0958", "+442079460958"],
    ["555-010-0199 ext. 12", "+15550100199"],
    ["5421640", "5421640"],
    ["n/a", null],
    ["", null],
  ])("%j → %j", (input, expected) => expect(normalizePhone(input)).toBe(expected));
});
