import { describe, expect, it } from "vitest";
import type { TMergePreview } from "@/server/duplicates/merge/get-merge-preview";
import { choicesToSend, defaultChoices, mergeConsequences, mergeFieldRows, salesforceOptionLabel } from "./merge-plan";

type TField = TMergePreview["fields"][number];
const field = (key: string, a: string | null, b: string | null, differs = a !== b): TField => ({
  key,
  label: key,
  a,
  b,
  differs,
});

// A contact (a) and a lead (b): the lead has a company field, the contact has not.
const preview: Pick<TMergePreview, "fields" | "fieldsFor"> = {
  fields: [
    field("firstName", "Ada", "Ada"),
    field("lastName", "Lovelace", "Lovelace"),
    field("email", "ada@example.com", "ada@other.com"),
    field("phone", null, "415 555 0100"),
    field("title", "CTO", null),
    field("company", null, "Analytical Engines"),
  ],
  fieldsFor: {
    a: ["firstName", "lastName", "email", "phone", "title"],
    b: ["firstName", "lastName", "email", "phone", "title", "company"],
  },
};

describe("DUP-3: the merge dialog's field choices", () => {
  it("DUP-3: keeps the survivor's value by default, and the other's where the survivor has none", () => {
    expect(defaultChoices(preview, "a")).toEqual({ email: "a", phone: "b", title: "a" });
    expect(defaultChoices(preview, "b")).toEqual({ email: "b", phone: "b", title: "a", company: "b" });
  });

  it("DUP-3: offers only the fields the survivor keeps, and names those it drops", () => {
    const rows = mergeFieldRows(preview, "a");
    expect(rows.choices.map((row) => row.key)).toEqual(["email", "phone", "title"]);
    expect(rows.same.map((row) => row.key)).toEqual(["firstName", "lastName"]);
    expect(rows.dropped.map((row) => row.key)).toEqual(["company"]);
    expect(mergeFieldRows(preview, "b").dropped).toEqual([]);
  });

  it("DUP-3: sends the rep's changes over the defaults, and nothing for fields the survivor lacks", () => {
    expect(choicesToSend(preview, "a", { email: "b", company: "b" })).toEqual({ email: "b", phone: "b", title: "a" });
  });
});

describe("DUP-3: what the merge dialog says it does", () => {
  const survivor = { name: "Ada Lovelace", sfId: "003A", type: "person" as const };
  const loser = { name: "Ada L.", sfId: "00QA", type: "person" as const };

  it("DUP-3: the merged-away Salesforce record is unlinked and comes back if it changes", () => {
    expect(mergeConsequences({ survivor, loser, salesforce: null, stopSyncing: false })).toEqual([
      "Ada L. is merged into Ada Lovelace: its activity log, activities, prospect links and pending pushes move there.",
      "Ada L.'s Salesforce record is unlinked; if it changes in Salesforce again, it comes back as a new record.",
      "Right after the merge, you can undo it, until Ada Lovelace is next pushed to Salesforce.",
    ]);
  });

  it("DUP-3: says nothing of Salesforce for a record that never reached it", () => {
    const sentences = mergeConsequences({
      survivor,
      loser: { ...loser, sfId: null },
      salesforce: null,
      stopSyncing: false,
    });
    expect(sentences.some((sentence) => sentence.includes("Salesforce record"))).toBe(false);
  });

  it("DUP-3: with Salesforce merging or converting too, says so instead, and that it cannot be undone", () => {
    expect(mergeConsequences({ survivor, loser, salesforce: "merge", stopSyncing: false })[1]).toMatch(
      /^Salesforce merges Ada L\.'s record into Ada Lovelace's too.*cannot be undone/,
    );
    expect(mergeConsequences({ survivor, loser, salesforce: "convert", stopSyncing: false })[1]).toMatch(
      /^Salesforce converts the lead Ada L\. into Ada Lovelace/,
    );
    expect(salesforceOptionLabel("convert")).toBe("Convert the lead into this contact in Salesforce");
    expect(salesforceOptionLabel("merge")).toBe("Also merge in Salesforce");
  });

  it("DUP-3: stopping to sync says the record no longer comes back, and where to undo that", () => {
    expect(mergeConsequences({ survivor, loser, salesforce: null, stopSyncing: true })[1]).toMatch(
      /Tandem stops syncing it.*Settings → Salesforce/,
    );
  });

  it("DUP-3: a prospect merged into a CRM record is linked to it", () => {
    const prospect = { name: "Ada (prospect)", sfId: null, type: "prospect" as const };
    expect(mergeConsequences({ survivor, loser: prospect, salesforce: null, stopSyncing: false })[0]).toBe(
      "Ada (prospect) is merged into Ada Lovelace: the prospect is linked to it as its prospect data, and its activity log moves there.",
    );
  });
});
