import { describe, expect, it } from "vitest";
import {
  duplicateRows,
  entriesOf,
  groupTandemFields,
  isComplete,
  problemsByPair,
  rowsOf,
  sameEntries,
  type TDraftRow,
  type TMappingEntry,
} from "./mapping-draft";
import { orgFieldsAreStale, saveStatus, unknownSentence, writesSentence } from "./mapping-words";

const entry = (tandem: string, salesforce: string, mode: TMappingEntry["mode"] = "off"): TMappingEntry => ({
  tandem,
  salesforce,
  mode,
});
const row = (key: string, tandem: string, salesforce: string): TDraftRow => ({ key, ...entry(tandem, salesforce) });

describe("the mapping draft", () => {
  it("MAP-1: a saved mapping becomes rows and back, unchanged", () => {
    const saved = [entry("title", "Title", "auto-fill"), entry("phone", "Phone")];
    const rows = rowsOf(saved);
    expect(rows.map((r) => r.key)).toEqual(["saved-0", "saved-1"]);
    expect(sameEntries(entriesOf(rows), saved)).toBe(true);
  });

  const saved = [entry("title", "Title"), entry("phone", "Phone")];
  it.each([
    ["a mode", [entry("title", "Title", "auto-fill"), entry("phone", "Phone")]],
    ["a field", [entry("title", "Description"), entry("phone", "Phone")]],
    ["the order", [entry("phone", "Phone"), entry("title", "Title")]],
    ["a row more", [...saved, entry("city", "MailingCity")]],
    ["a row less", [entry("title", "Title")]],
  ])("MAP-1: a change of %s makes the draft differ from what is saved", (_, edited) => {
    expect(sameEntries(edited, saved)).toBe(false);
  });

  it("a row needs both sides before the server can check it", () => {
    expect(isComplete(entry("title", ""))).toBe(false);
    expect(isComplete(entry("", "Title"))).toBe(false);
    expect(isComplete(entry("title", "Title"))).toBe(true);
  });

  it("keeps the server's problems on their pair when rows move, whatever the case of the field name", () => {
    const sent = [entry("title", "Title"), entry("email", "Phone")];
    const byPair = problemsByPair(sent, [
      { index: 1, message: "Contact.Phone is a phone field." },
      { index: 7, message: "out of range" },
    ]);
    expect([...byPair.values()]).toEqual([["Contact.Phone is a phone field."]]);
    expect(byPair.get(`email\u0000phone`)).toEqual(["Contact.Phone is a phone field."]);
  });

  it("flags every later row that maps a Salesforce field again, naming the first", () => {
    const duplicates = duplicateRows([
      row("a", "title", "Title"),
      row("b", "phone", "Phone"),
      row("c", "company", "title"),
      row("d", "city", ""),
      row("e", "country", ""),
    ]);
    expect([...duplicates]).toEqual([
      ["c", "title is already mapped in row 1; a Salesforce field takes one Tandem field."],
    ]);
  });

  it("groups imported columns apart from the prospect's own fields", () => {
    const groups = groupTandemFields([{ name: "title" }, { name: "extra.Seniority" }, { name: "phone" }]);
    expect(groups.standard.map((f) => f.name)).toEqual(["title", "phone"]);
    expect(groups.imported.map((f) => f.name)).toEqual(["extra.Seniority"]);
  });
});

describe("the mapping page's words", () => {
  it.each([
    [{ writes: 1, records: 1 }, "The next pull writes 1 field on 1 record."],
    [{ writes: 2400, records: 1200 }, "The next pull writes 2,400 fields on 1,200 records."],
    [{ writes: 0, records: 0 }, "With these rows the next pull writes nothing to Salesforce."],
  ])("says what the next pull writes: %o", (preview, sentence) => {
    expect(writesSentence(preview)).toBe(sentence);
  });

  it("says a field not pulled yet is fetched by the next pull", () => {
    expect(unknownSentence({ label: "Title", records: 3 })).toBe(
      "Title is not pulled yet for 3 records: the next pull fetches them, then decides.",
    );
  });

  it.each([
    [null, true],
    [1_000, false],
    [1_000 - 24 * 60 * 60_000 - 1, true],
  ])("reads the org's fields when last read at %s (now 1000): %s", (checkedAt, stale) => {
    expect(orgFieldsAreStale(checkedAt, 1_000)).toBe(stale);
  });

  const ready = { pending: false, dirty: true, saved: true, complete: true, blocked: false, current: true };
  it.each([
    [{ ...ready, pending: true, blocked: true }, "Saving…"],
    [{ ...ready, dirty: false }, "Saved. Each pull applies it."],
    [{ ...ready, dirty: false, saved: false }, "No changes."],
    [{ ...ready, complete: false, blocked: true }, "Choose both fields of every row to save."],
    [{ ...ready, blocked: true }, "Fix the rows marked with a problem to save."],
    [{ ...ready, current: false }, "Checking the changes…"],
    [ready, "Unsaved changes."],
  ])("says where the rows stand beside Save: %o", (state, status) => {
    expect(saveStatus(state)).toBe(status);
  });
});
