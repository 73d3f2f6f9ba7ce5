import { describe, expect, it } from "vitest";
import type { TFieldMappingMode } from "./field-mapping";
import {
  fieldWriteMessage,
  planFieldWrites,
  planManualWrites,
  revertMessage,
  type TFieldLedgerEntry,
  type TMappingCandidate,
  type TMappingRule,
} from "./plan-field-writes";

const rule = (
  tandem: string,
  salesforce: string,
  mode: TFieldMappingMode,
  compareAs: TMappingRule["compareAs"] = "text",
): TMappingRule => ({ tandem, salesforce, mode, compareAs });

function candidate(
  salesforce: Record<string, unknown>,
  prospect: Record<string, unknown>,
  ledger: Record<string, TFieldLedgerEntry> = {},
): TMappingCandidate {
  return {
    recordType: "person",
    recordId: "p1",
    object: "Contact",
    name: "Ada Lovelace",
    salesforce,
    prospect,
    ledger: new Map(Object.entries(ledger)),
  };
}

const plan = (c: TMappingCandidate, rules: TMappingRule[]) => planFieldWrites([c], () => rules);
const fields = (c: TMappingCandidate, rules: TMappingRule[]) => plan(c, rules).writes.map((w) => [w.field, w.to]);

describe("MAP-2: auto-fill writes when Salesforce is empty and Tandem holds a value", () => {
  it.each([
    ["empty in Salesforce", { Title: null }, { title: "VP Sales" }, [["Title", "VP Sales"]]],
    ["blank in Salesforce", { Title: "   " }, { title: "VP Sales" }, [["Title", "VP Sales"]]],
    ["already filled", { Title: "CTO" }, { title: "VP Sales" }, []],
    ["Tandem empty", { Title: null }, { title: null }, []],
    ["Tandem blank", { Title: null }, { title: "  " }, []],
    ["never pulled: unknown, not empty", {}, { title: "VP Sales" }, []],
  ])("%s", (_case, salesforce, prospect, expected) => {
    expect(fields(candidate(salesforce, prospect), [rule("title", "Title", "auto-fill")])).toEqual(expected);
  });

  it("reads an imported enrichment column by its header", () => {
    const c = candidate({ Department: null }, { extra: { Department: "Finance" } });
    expect(fields(c, [rule("extra.Department", "Department", "auto-fill")])).toEqual([["Department", "Finance"]]);
  });

  it("says what it writes, with Salesforce's value before", () => {
    const [write] = plan(candidate({ Title: null }, { title: "VP Sales" }), [
      rule("title", "Title", "auto-fill"),
    ]).writes;
    expect(write).toMatchObject({ from: null, to: "VP Sales", source: "auto-fill", tandemField: "title" });
    expect(fieldWriteMessage(write!, "Title")).toBe("Title auto-filled from prospect: (empty) → VP Sales");
  });
});

describe("MAP-3: auto-overwrite writes when the values differ after normalisation", () => {
  it.each([
    ["different title", "text", "CTO", "VP Sales", true],
    ["case and spaces only", "text", "vp  sales", "VP Sales", false],
    ["phone formats", "phone", "(555) 010-0199", "+1 555 010 0199", false],
    ["dotted phone", "phone", "555.010.0199", "+1 555 010 0199", false],
    ["another number", "phone", "+1 555 010 0100", "+1 555 010 0199", true],
    ["URL forms", "url", "https://www.linkedin.com/in/ada/", "linkedin.com/in/ada", false],
    ["another URL", "url", "linkedin.com/in/ada", "linkedin.com/in/ada-l", true],
    ["email case", "email", "Ada@Example.com", "ada@example.com", false],
    ["empty in Salesforce", "text", null, "VP Sales", true],
    ["Tandem empty never erases", "text", "CTO", null, false],
  ] as const)("%s", (_case, kind, current, tandem, writes) => {
    const c = candidate({ Phone: current }, { phone: tandem });
    expect(plan(c, [rule("phone", "Phone", "auto-overwrite", kind)]).writes).toHaveLength(writes ? 1 : 0);
  });

  it("writes the field by the rule, not every mapped field", () => {
    const c = candidate({ Title: "CTO", Phone: "555 0100" }, { title: "VP", phone: "555 0199" });
    expect(fields(c, [rule("title", "Title", "off"), rule("phone", "Phone", "auto-overwrite")])).toEqual([
      ["Phone", "555 0199"],
    ]);
    expect(fieldWriteMessage({ source: "auto-overwrite", from: "555 0100", to: "555 0199" }, "Phone")).toBe(
      "Phone overwritten from prospect: 555 0100 → 555 0199",
    );
  });
});

describe("MAP-5: manual choices win over auto-fill and auto-overwrite", () => {
  it.each(["manual", "rep-edit", "keep-salesforce"] as const)("a %s choice is never undone", (source) => {
    const c = candidate({ Title: "CTO" }, { title: "VP Sales" }, { Title: { value: "CTO", source, state: "pushed" } });
    expect(plan(c, [rule("title", "Title", "auto-overwrite")])).toEqual({ writes: [], reverts: [] });
  });

  it("a manual enrichment goes even when the field's mode is off", () => {
    const c = candidate({ Phone: "555 0100" }, { phone: "+1 555 010 0199" });
    const writes = planManualWrites([c], () => [rule("phone", "Phone", "off", "phone")]);
    expect(writes).toMatchObject([{ field: "Phone", from: "555 0100", to: "+1 555 010 0199", source: "manual" }]);
  });

  it("a manual enrichment goes even after Tandem stopped on a revert", () => {
    const c = candidate(
      { Title: "Vice President" },
      { title: "VP" },
      {
        Title: { value: "VP", source: "auto-overwrite", state: "reverted" },
      },
    );
    expect(planManualWrites([c], () => [rule("title", "Title", "off")])).toHaveLength(1);
  });

  it("a manual enrichment writes nothing when Salesforce already holds the value or Tandem has none", () => {
    const same = candidate({ Phone: "(555) 010-0199" }, { phone: "+1 555 010 0199" });
    const none = candidate({ Phone: "555" }, { phone: "" });
    expect(planManualWrites([same, none], () => [rule("phone", "Phone", "off", "phone")])).toEqual([]);
  });
});

describe("MAP-3: no ping-pong with Salesforce", () => {
  const wrote = (state: TFieldLedgerEntry["state"], value = "VP Sales"): Record<string, TFieldLedgerEntry> => ({
    Title: { value, source: "auto-overwrite", state },
  });

  it("a write on its way is not planned twice", () => {
    expect(
      plan(candidate({ Title: "CTO" }, { title: "VP Sales" }, wrote("queued")), [
        rule("title", "Title", "auto-overwrite"),
      ]).writes,
    ).toEqual([]);
  });

  it("a rejected write is not sent again on every pull (it waits in the error log)", () => {
    expect(
      plan(candidate({ Title: "CTO" }, { title: "VP Sales" }, wrote("failed")), [
        rule("title", "Title", "auto-overwrite"),
      ]).writes,
    ).toEqual([]);
  });

  it("Salesforce changing the value back is one revert, reported with both values, and no write", () => {
    const c = candidate({ Title: "Vice President, Sales" }, { title: "VP Sales" }, wrote("pushed"));
    const result = plan(c, [rule("title", "Title", "auto-overwrite")]);
    expect(result.writes).toEqual([]);
    expect(result.reverts).toEqual([
      {
        recordType: "person",
        recordId: "p1",
        object: "Contact",
        name: "Ada Lovelace",
        field: "Title",
        wrote: "VP Sales",
        salesforceNow: "Vice President, Sales",
      },
    ]);
    expect(revertMessage(result.reverts[0]!)).toContain(
      "Salesforce keeps changing this field: Tandem wrote “VP Sales” to Title, and Salesforce changed it to “Vice President, Sales”",
    );
  });

  it("after a revert Tandem stays stopped", () => {
    const c = candidate({ Title: "Vice President, Sales" }, { title: "VP Sales" }, wrote("reverted"));
    expect(plan(c, [rule("title", "Title", "auto-overwrite")])).toEqual({ writes: [], reverts: [] });
  });

  it("Salesforce reformatting the value is not a revert", () => {
    const c = candidate(
      { Phone: "(555) 010-0199" },
      { phone: "+1 555 010 0199" },
      {
        Phone: { value: "+1 555 010 0199", source: "auto-overwrite", state: "pushed" },
      },
    );
    expect(plan(c, [rule("phone", "Phone", "auto-overwrite", "phone")])).toEqual({ writes: [], reverts: [] });
  });

  it("a new Tandem value is a new intent and is written", () => {
    const c = candidate({ Title: "Vice President, Sales" }, { title: "Head of Sales" }, wrote("reverted"));
    expect(fields(c, [rule("title", "Title", "auto-overwrite")])).toEqual([["Title", "Head of Sales"]]);
  });
});

describe("MAP-3: phone comparison, fast forms and libphonenumber alike", () => {
  it.each([
    ["(555) 010-0199", "+1 555 010 0199", true],
    ["1-555-010-0199", "555.010.0199", true],
    ["+44 20 7946 0958", "+44 (0)20 7946 0958", true],
    ["+44 20 7946 0958", "+1 555 010 0199", false],
    ["555-010-0199 ext. 12", "+1 555 010 0199 x12", true],
    ["555-010-0199", "555-010-0198", false],
  ])("%s vs %s → same: %s", (a, b, same) => {
    const c = candidate({ Phone: a }, { phone: b });
    expect(plan(c, [rule("phone", "Phone", "auto-overwrite", "phone")]).writes).toHaveLength(same ? 0 : 1);
  });
});
