import { describe, expect, it } from "vitest";
import { decideLead, leadsRetiredByContacts, type TLeadFacts } from "./lead-suppression";

const lead = (overrides: Partial<TLeadFacts> = {}): TLeadFacts => ({
  sfId: "00Q000000000001AAA",
  emailNormalized: "jon@acme.com",
  isConverted: false,
  convertedContactSfId: null,
  ...overrides,
});
const contacts = new Map([["jon@acme.com", "003000000000001AAA"]]);

describe("PULL-4 lead decisions", () => {
  it.each([
    {
      name: "PULL-4: a lead sharing a contact's email is suppressed",
      facts: lead(),
      map: contacts,
      suppressed: undefined,
      expected: { action: "suppress", reason: "email-match", contactSfId: "003000000000001AAA" },
    },
    {
      name: "PULL-4: a converted lead is suppressed",
      facts: lead({ isConverted: true, convertedContactSfId: "003000000000009AAA", emailNormalized: null }),
      map: new Map<string, string>(),
      suppressed: undefined,
      expected: { action: "suppress", reason: "converted", contactSfId: "003000000000009AAA" },
    },
    {
      name: "PULL-4: a suppressed lead stays suppressed even when its contact is gone",
      facts: lead(),
      map: new Map<string, string>(),
      suppressed: { reason: "email-match" as const, contactSfId: "003000000000001AAA" },
      expected: { action: "suppress", reason: "email-match" },
    },
    {
      name: "a lead with no matching contact is kept",
      facts: lead({ emailNormalized: "ann@other.com" }),
      map: contacts,
      suppressed: undefined,
      expected: { action: "keep" },
    },
    {
      name: "a lead with no email is kept",
      facts: lead({ emailNormalized: null }),
      map: contacts,
      suppressed: undefined,
      expected: { action: "keep" },
    },
  ])("$name", ({ facts, map, suppressed, expected }) => {
    expect(decideLead(facts, { suppressed, contactSfIdByEmail: map })).toMatchObject(expected);
  });

  it("PULL-4: an arriving contact retires the lead shown earlier, by conversion or by email", () => {
    const shown = [
      { id: "l1", sfId: "00Q1", emailNormalized: "jon@acme.com", convertedContactSfId: null },
      { id: "l2", sfId: "00Q2", emailNormalized: null, convertedContactSfId: "0032" },
      { id: "l3", sfId: "00Q3", emailNormalized: "ann@other.com", convertedContactSfId: null },
    ];
    const arriving = [
      { id: "c1", sfId: "0031", emailNormalized: "jon@acme.com" },
      { id: "c2", sfId: "0032", emailNormalized: "kim@acme.com" },
    ];
    const retired = leadsRetiredByContacts(arriving, shown);
    expect(retired.map((entry) => [entry.lead.id, entry.contact.id, entry.reason])).toEqual([
      ["l1", "c1", "email-match"],
      ["l2", "c2", "converted"],
    ]);
  });
});
