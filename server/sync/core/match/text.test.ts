import { describe, expect, it } from "vitest";
import { foldText, withinOneEdit, wordOverlap, words } from "./text";

describe("DUP-1: text folding", () => {
  it.each([
    ["  O'Brien-Smith, Zoë ", "obrien smith zoe"],
    ["ACME  Corp.", "acme corp"],
    ["Müller & Søn", "muller s n"],
    ["", ""],
    [null, ""],
  ])("%j → %j", (input, expected) => expect(foldText(input)).toBe(expected));

  it("splits words and measures their overlap", () => {
    expect(words("a b c")).toEqual(["a", "b", "c"]);
    expect(words("")).toEqual([]);
    expect(wordOverlap(["a", "b"], ["b", "c"])).toBeCloseTo(1 / 3);
    expect(wordOverlap([], ["a"])).toBe(0);
  });
});

describe("DUP-1: one edit apart", () => {
  it.each([
    ["smith", "smith", true],
    ["smith", "smyth", true],
    ["smith", "smiht", true],
    ["smith", "smit", true],
    ["smith", "smitha", true],
    ["smith", "smyht", false],
    ["smith", "jones", false],
    ["19560409", "19560490", true],
  ])("%s / %s → %s", (a, b, expected) => expect(withinOneEdit(a, b)).toBe(expected));
});
