import { describe, expect, it } from "vitest";
import type { TEnrichmentField, TEnrichmentRow } from "@/server/mapping/enrichment-schemas";
import {
  keepItem,
  keptMessage,
  objectsWithPushOff,
  oneOffQuestion,
  profileHref,
  pushKindWords,
  queuedMessage,
  tandemValueItem,
  withFields,
} from "./enrichment-targets";

const field = (name: string, overrides: Partial<TEnrichmentField> = {}): TEnrichmentField => ({
  field: name,
  label: name,
  tandemField: name.toLowerCase(),
  tandemLabel: name,
  salesforceValue: null,
  tandemValue: `Tandem ${name}`,
  status: "empty",
  mode: "off",
  pending: false,
  kept: false,
  reverted: false,
  ...overrides,
});

const row = (fields: TEnrichmentField[], overrides: Partial<TEnrichmentRow> = {}): TEnrichmentRow => ({
  recordType: "person",
  recordId: "person-1",
  object: "Contact",
  name: "Ada Lovelace",
  sfId: "003000000000001AAA",
  ownerSfId: null,
  ownerName: null,
  prospectId: "prospect-1",
  fields,
  ...overrides,
});

describe("MAP-5: what an Enrichment action sends", () => {
  const ada = row([field("Title"), field("Phone", { pending: true }), field("Email", { kept: true })]);

  it("MAP-5: 'Use Tandem's value' names the fields shown, less those already on their way", () => {
    expect(tandemValueItem(ada)).toEqual({ recordType: "person", recordId: "person-1", fields: ["Title", "Email"] });
    expect(tandemValueItem(ada, "Email").fields).toEqual(["Email"]);
    expect(tandemValueItem(ada, "Phone").fields).toEqual([]);
  });

  it("MAP-5: 'Keep Salesforce's value' leaves out the fields kept already", () => {
    expect(keepItem(ada).fields).toEqual(["Title", "Phone"]);
    expect(keepItem(ada, "Email").fields).toEqual([]);
  });

  it("drops records with no field left and counts the values", () => {
    const bob = row([field("Phone", { pending: true })], { recordId: "person-2" });
    expect(withFields([tandemValueItem(ada), tandemValueItem(bob)])).toEqual({
      items: [tandemValueItem(ada)],
      values: 2,
    });
  });

  it("links people and accounts to their profiles", () => {
    expect(profileHref({ recordType: "person", recordId: "p 1" })).toBe("/people/p%201");
    expect(profileHref({ recordType: "account", recordId: "a1" })).toBe("/accounts/a1");
  });
});

describe("PUSH-1 in the Enrichment page's words", () => {
  it("names the push kinds behind the objects: contacts and leads are people", () => {
    expect(pushKindWords(["Contact", "Lead"])).toBe("people");
    expect(pushKindWords(["Account"])).toBe("accounts");
    expect(pushKindWords(["Lead", "Account"])).toBe("people and accounts");
    expect(objectsWithPushOff({ Contact: false, Lead: false, Account: true })).toEqual(["Contact", "Lead"]);
  });

  it("asks before a one-off push, and counts what was queued or kept", () => {
    expect(oneOffQuestion(["Contact"], 3)).toBe(
      "Push is off for people. Send these 3 values to Salesforce once anyway? Push stays off for everything else.",
    );
    expect(oneOffQuestion(["Account"], 1)).toBe(
      "Push is off for accounts. Send this value to Salesforce once anyway? Push stays off for everything else.",
    );
    expect(queuedMessage(1)).toBe("Queued 1 value for Salesforce; it goes in a moment.");
    expect(queuedMessage(1200)).toBe("Queued 1,200 values for Salesforce; they go in a moment.");
    expect(keptMessage(2)).toBe("Keeping Salesforce's value for 2 fields; Tandem will not overwrite them.");
  });
});
