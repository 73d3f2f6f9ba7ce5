import { describe, expect, it } from "vitest";
import { areNicknames, formalNamesOf } from "./nicknames";

describe("DUP-1: nicknames", () => {
  it.each([
    ["bill", "william", true],
    ["peggy", "margaret", true],
    ["jon", "john", true],
    ["bob", "robert", true],
    ["liz", "beth", true],
    ["mary", "john", false],
    ["william", "william", false],
    ["", "william", false],
  ])("%s / %s → %s", (a, b, expected) => expect(areNicknames(a, b)).toBe(expected));

  it("knows a formal name's group, and an unknown name stands for itself", () => {
    expect(formalNamesOf("bill")).toContain("william");
    expect(formalNamesOf("william")).toContain("william");
    expect(formalNamesOf("zebedeus")).toEqual(["zebedeus"]);
  });
});
