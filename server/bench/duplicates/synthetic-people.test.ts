import { describe, expect, it } from "vitest";
import { findDuplicates } from "@/server/sync/core/match/find-duplicates";
import { pairwiseScores } from "./pairwise-scores";
import { NOISE_KINDS } from "./people-noise";
import { generateSyntheticPeople } from "./synthetic-people";

const COUNT = 2000;

describe("generateSyntheticPeople", () => {
  const people = generateSyntheticPeople({ count: COUNT, seed: 7 });

  it("gives the same people for the same seed, and others for another seed", () => {
    expect(generateSyntheticPeople({ count: COUNT, seed: 7 })).toEqual(people);
    const other = generateSyntheticPeople({ count: COUNT, seed: 8 });
    expect(other.records.map((record) => record.values)).not.toEqual(people.records.map((record) => record.values));
  });

  it("makes 15% of the records second records of another person, with every kind of noise", () => {
    expect(people.records).toHaveLength(COUNT);
    expect(people.duplicates).toHaveLength(COUNT * 0.15);
    for (const duplicate of people.duplicates)
      expect(people.truth[duplicate.index]).toBe(people.truth[duplicate.originalIndex]);
    const kinds = new Set(people.duplicates.flatMap((duplicate) => duplicate.noise));
    expect([...kinds].sort()).toEqual([...NOISE_KINDS].sort());
    expect(new Set(people.records.map((record) => record.id)).size).toBe(COUNT);
  });

  it("injects duplicates the matcher finds: pairwise recall at least 0.9", () => {
    const result = findDuplicates("people", people.records);
    expect(pairwiseScores(result.clusterOf, people.truth).recall).toBeGreaterThanOrEqual(0.9);
  });
});
