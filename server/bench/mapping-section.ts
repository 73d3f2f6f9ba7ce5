/**
 * The field-mapping section of `npm run bench` (issue 9): an incremental pull of `contacts`
 * contacts, each linked to a prospect, with five mapped fields on (Title and Phone auto-overwrite,
 * Mailing City and Country and Department auto-fill) against the same pull with them off. Each run
 * is a process of its own (mapping-once.ts) on a freshly seeded org; off and on alternate, three
 * times each, and the medians are compared, so a noisy moment on a shared machine weighs on one
 * run, not on the ratio. Then the API calls that pushing the planned writes took.
 */
import { execFileSync } from "node:child_process";
import { childProcessEnv } from "@/server/env";

type TMappingRun = {
  pullMs: number;
  pullCalls: number;
  pulled: number;
  queued: number;
  writes: number;
  pushCalls: number;
  pushMs: number;
  maxRssMb: number;
};

function measure(mode: "on" | "off", url: string, contacts: number): TMappingRun {
  const output = execFileSync(
    process.execPath,
    ["--import", "tsx", "server/bench/mapping-once.ts", mode, url, String(contacts)],
    {
      encoding: "utf8",
      maxBuffer: 16 * 1024 * 1024,
      env: childProcessEnv({ DATABASE_URL: undefined, DATABASE_AUTH_TOKEN: undefined }),
    },
  );
  return JSON.parse(output.trim().split("\n").at(-1) ?? "{}") as TMappingRun;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)] ?? 0;
const int = (value: number) => Math.round(value).toLocaleString("en-US");
const calls = (count: number) => `${count} API call${count === 1 ? "" : "s"}`;

export async function runMappingSection(url: string, contacts: number, rounds = 3) {
  console.log(
    `\nField mapping: an incremental pull of ${int(contacts)} contacts (every one changed in Salesforce), each linked to a prospect; five mapped fields on (Title and Phone auto-overwrite, Mailing City, Mailing Country and Department auto-fill) against all five off. ${rounds} runs each, alternating, each in its own process on a freshly seeded org; medians.`,
  );
  const off: TMappingRun[] = [];
  const on: TMappingRun[] = [];
  for (let round = 0; round < rounds; round++) {
    off.push(measure("off", url, contacts));
    on.push(measure("on", url, contacts));
  }
  const offMs = median(off.map((run) => run.pullMs));
  const onMs = median(on.map((run) => run.pullMs));
  const last = on.at(-1)!;
  const extra = ((onMs - offMs) / offMs) * 100;
  console.log(
    `  pull, mapping off   ${int(offMs)} ms (runs: ${off.map((run) => int(run.pullMs)).join(", ")}), ${calls(off[0]!.pullCalls)}`,
  );
  console.log(
    `  pull, mapping on    ${int(onMs)} ms (runs: ${on.map((run) => int(run.pullMs)).join(", ")}), ${calls(last.pullCalls)}; planned ${int(last.writes)} field writes on ${int(last.queued)} records`,
  );
  console.log(`  extra time          ${extra >= 0 ? "+" : ""}${extra.toFixed(1)}% (target ≤ 10%)`);
  console.log(
    `  pushing the writes  ${last.pushCalls} API calls for ${int(last.queued)} records: ${((last.pushCalls / last.queued) * 1000).toFixed(2)} per 1,000 (target ≤ 1.05), ${int(median(on.map((run) => run.pushMs)))} ms; every value checked in the org`,
  );
}
