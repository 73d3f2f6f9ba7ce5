import { describe, expect, it } from "vitest";
import { MAX_PAUSE_MS, pauseMs } from "./let-others-run";

describe("how long a tick pauses between chunks", () => {
  it("in a web server whose requests used the turn it gave away: as long as it worked, up to a cap", () => {
    expect(pauseMs({ sharesThread: true, workedMs: 120, othersRanMs: 15 })).toBe(120);
    expect(pauseMs({ sharesThread: true, workedMs: 5_000, othersRanMs: 15 })).toBe(MAX_PAUSE_MS);
  });

  it("not at all when nothing else was waiting", () => {
    expect(pauseMs({ sharesThread: true, workedMs: 120, othersRanMs: 0.3 })).toBe(0);
  });

  it("never in a process that only syncs (the CLI), whatever else ran", () => {
    expect(pauseMs({ sharesThread: false, workedMs: 120, othersRanMs: 50 })).toBe(0);
  });
});
