import { describe, expect, it } from "vitest";
import { planPairWrites, type TFoundPair, type TStoredPair } from "./plan-pair-writes";

const NOW = 5_000;

function found(overrides: Partial<TFoundPair> = {}): TFoundPair {
  return {
    id: "pair-1",
    entity: "people",
    a: "person:a",
    b: "prospect:b",
    score: 0.97,
    reasons: ["same email"],
    aSignature: "sig-a",
    bSignature: "sig-b",
    ...overrides,
  };
}

function stored(overrides: Partial<TStoredPair> = {}): TStoredPair {
  return {
    id: "pair-1",
    entity: "people",
    aType: "person",
    aId: "a",
    bType: "prospect",
    bId: "b",
    score: 0.97,
    reasons: ["same email"],
    state: "open",
    aSignature: null,
    bSignature: null,
    createdAt: 1,
    updatedAt: 1,
    decidedBy: null,
    decidedAt: null,
    ...overrides,
  };
}

const none = new Set<string>();

describe("planPairWrites", () => {
  it("DUP-1: a new pair opens with its score, reasons and refs", () => {
    const writes = planPairWrites({ found: [found()], stored: [], gone: none, now: NOW });
    expect(writes.upserts).toEqual([
      expect.objectContaining({
        id: "pair-1",
        aType: "person",
        aId: "a",
        bType: "prospect",
        bId: "b",
        state: "open",
        createdAt: NOW,
      }),
    ]);
    expect(writes).toMatchObject({ reopens: [], closes: [], removals: [] });
  });

  it("DUP-1: an unchanged pair writes nothing; a new score or new reasons update it in its state", () => {
    expect(planPairWrites({ found: [found()], stored: [stored()], gone: none, now: NOW })).toEqual({
      upserts: [],
      reopens: [],
      closes: [],
      removals: [],
    });
    const later = stored({ state: "later" });
    const writes = planPairWrites({
      found: [found({ reasons: ["same email", "same phone"] })],
      stored: [later],
      gone: none,
      now: NOW,
    });
    expect(writes.upserts).toEqual([
      expect.objectContaining({ state: "later", reasons: ["same email", "same phone"], updatedAt: NOW }),
    ]);
  });

  it.each([
    ["both signatures as stored", "sig-a", "sig-b", false],
    ["the first record changed", "sig-a2", "sig-b", true],
    ["the second record changed", "sig-a", "sig-b2", true],
  ])('DUP-1: "Not a duplicate" with %s reopens: %s', (_case, aSignature, bSignature, reopens) => {
    const dismissed = stored({ state: "dismissed", aSignature: "sig-a", bSignature: "sig-b", decidedBy: "u" });
    const writes = planPairWrites({
      found: [found({ aSignature, bSignature })],
      stored: [dismissed],
      gone: none,
      now: NOW,
    });
    expect(writes.reopens).toEqual(reopens ? [{ id: "pair-1", aSignature, bSignature }] : []);
  });

  it.each([
    ["open", "closes"],
    ["later", "closes"],
    ["dismissed", null],
    ["merged", null],
  ] as const)("DUP-1: a %s pair that no longer scores: %s", (state, list) => {
    const writes = planPairWrites({ found: [], stored: [stored({ state })], gone: none, now: NOW });
    expect(writes.closes).toEqual(list === "closes" ? ["pair-1"] : []);
    expect(writes.removals).toEqual([]);
  });

  it.each([
    ["open", true],
    ["dismissed", true],
    ["merged", false],
  ] as const)("DUP-1: a %s pair of a record no longer compared is removed: %s", (state, removed) => {
    const writes = planPairWrites({ found: [], stored: [stored({ state })], gone: new Set(["prospect:b"]), now: NOW });
    expect(writes.removals).toEqual(removed ? ["pair-1"] : []);
    expect(writes.closes).toEqual([]);
  });
});
