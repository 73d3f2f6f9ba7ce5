import { describe, expect, it } from "vitest";
import { clusterPairs } from "./cluster";

describe("DUP-1: clustering", () => {
  it.each([
    ["no pairs: everyone alone", 3, [], [0, 1, 2]],
    ["one pair", 3, [[1, 2]], [0, 1, 1]],
    [
      "a chain joins into one cluster",
      5,
      [
        [3, 4],
        [2, 3],
        [0, 2],
      ],
      [0, 1, 0, 0, 0],
    ],
    [
      "two clusters",
      6,
      [
        [0, 5],
        [1, 4],
      ],
      [0, 1, 2, 3, 1, 0],
    ],
  ] as const)("%s", (_label, count, pairs, expected) =>
    expect([...clusterPairs(count, pairs as ReadonlyArray<readonly [number, number]>)]).toEqual(expected),
  );
});
