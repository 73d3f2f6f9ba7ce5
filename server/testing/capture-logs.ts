import { Writable } from "node:stream";
import type { LevelWithSilent } from "pino";
import { redirectLogs } from "@/server/log";

export type TCapturedLogs = {
  /** Every line written so far, as written (JSON text). */
  readonly text: () => string;
  /** Every line written so far, parsed. */
  readonly lines: () => Array<Record<string, unknown>>;
  /** The lines of one event. */
  readonly events: (event: string) => Array<Record<string, unknown>>;
  /** Puts the process's logger back. */
  readonly restore: () => void;
};

/** Captures the server log (server/log.ts) in memory until `restore()`. */
export function captureLogs(level: LevelWithSilent = "debug"): TCapturedLogs {
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const restore = redirectLogs(sink, level);
  const text = () => chunks.join("");
  const lines = () =>
    text()
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { text, lines, events: (event) => lines().filter((line) => line.event === event), restore };
}
