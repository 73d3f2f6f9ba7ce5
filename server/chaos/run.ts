/**
 * `npm run chaos -- [--kills N] [--faults RATE | --soak] [--quick]`: the crash suite and the fault
 * soak (CHAOS_USAGE in options.ts). Prints each kill point, the faults injected by kind, the extra
 * API calls and the verdict; exits 1 on a mismatch, with a readable diff, and 2 on bad arguments.
 */
import { allowServerOnly } from "@/server/cli/server-only";
import { CHAOS_USAGE, parseChaosOptions } from "./options";

async function main() {
  let options;
  try {
    options = parseChaosOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${CHAOS_USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (options === "help") {
    console.log(CHAOS_USAGE);
    return;
  }
  allowServerOnly();
  if (options.server === "next") {
    const { buildForNextStart } = await import("./web-server");
    console.log("building Tandem for next start (skipped when the sources did not change)…");
    await buildForNextStart();
  }
  const { runChaos } = await import("./run-chaos");
  const started = Date.now();
  const report = await runChaos(options, (line) => console.log(line));
  console.log(`total ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (!report.ok) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
