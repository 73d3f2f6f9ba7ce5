import { describe, expect, it } from "vitest";
import { z } from "zod";
import { newId } from "./ids";

describe("newId", () => {
  it("is a valid UUID of version 7", () => {
    const id = newId(1_700_000_000_000);
    expect(z.uuid().safeParse(id).success).toBe(true);
    expect(id[14]).toBe("7");
    expect(["8", "9", "a", "b"]).toContain(id[19]);
  });

  it("sorts by creation time and never repeats", () => {
    const earlier = newId(1_700_000_000_000);
    const later = newId(1_700_000_000_001);
    expect(earlier < later).toBe(true);
    // Past several refills of the random pool: no id repeats.
    expect(new Set(Array.from({ length: 10_000 }, () => newId(5))).size).toBe(10_000);
  });
});
