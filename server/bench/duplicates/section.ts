/**
 * The duplicates section of `npm run bench`: the matcher in server/sync/core/match with its
 * defaults, nothing tuned per data set. Accuracy on the public data with ground truth, beside
 * targets, published anchors and two exact-key baselines computed here; then synthetic people
 * (synthetic-people.ts): blocking quality, a full dedup in its own process (dedupe-once.ts), and
 * the single-record check of a create form against an index of all of them (check-once.ts).
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { childProcessEnv } from "@/server/env";
import { MAX_BLOCK } from "@/server/sync/core/match/blocking";
import type { TCheckRun } from "./check-once";
import type { TDedupeRun } from "./dedupe-once";
import { fixed, formatTable, int, mark, percent, seconds } from "./format-table";
import { NOISE_KINDS } from "./people-noise";
import { measureChicagoBaselines, measurePublicAccuracy } from "./public-accuracy";
import { missingDataFiles, PUBLIC_DATA_FILES } from "./public-data";

const SEED = 1;
const CHECKS = 1000;
/** How close an exact-key baseline's F1 must come to the README's figure to count as reproduced. */
const REPRODUCED_WITHIN = 0.02;
const TARGETS = { pairCompleteness: 0.99, reductionRatio: 0.999, dedupeMs: 20_000, checkP95Ms: 25 };

type TVerdict = { passed: boolean; text: string };

function runChild<T>(script: string, args: Array<string | number>): T {
  const output = execFileSync(process.execPath, ["--import", "tsx", script, ...args.map(String)], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    env: childProcessEnv({}),
  });
  return JSON.parse(output.trim().split("\n").at(-1) ?? "{}") as T;
}

function printPublicAccuracy(dataDir: string, verdicts: TVerdict[]) {
  const missing = missingDataFiles(dataDir);
  if (missing.length > 0) {
    const what = existsSync(dataDir)
      ? `${missing.join(" and ")} not found in ${dataDir}`
      : `no data folder at ${dataDir}`;
    console.log(
      `\nAccuracy on public data: skipped, ${what}. Point --data DIR at the folder that holds ${PUBLIC_DATA_FILES.join(" and ")}.`,
    );
    return;
  }
  console.log(
    `\nAccuracy on public data with ground truth (${dataDir}): pairwise precision and recall after clustering, against every true pair; candidate pairs from blocking; time of findDuplicates in this process.`,
  );
  const rows = measurePublicAccuracy(dataDir);
  console.log(
    formatTable(
      [
        { header: "data set" },
        { header: "hidden columns" },
        { header: "records", align: "right" },
        { header: "precision", align: "right" },
        { header: "recall", align: "right" },
        { header: "F1", align: "right" },
        { header: "predicted pairs", align: "right" },
        { header: "true pairs", align: "right" },
        { header: "candidate pairs", align: "right" },
        { header: "time", align: "right" },
        { header: "target" },
        { header: "" },
        { header: "anchors (F1, same file)" },
      ],
      rows.map((row) => [
        row.name,
        row.hidden,
        int(row.records),
        fixed(row.scores.precision),
        fixed(row.scores.recall),
        fixed(row.scores.f1),
        int(row.scores.predictedPairs),
        int(row.scores.truePairs),
        int(row.candidatePairs),
        seconds(row.ms),
        row.target,
        mark(row.met),
        row.anchors || "—",
      ]),
    ),
  );
  for (const row of rows)
    verdicts.push({
      passed: row.met,
      text: `${row.name}: precision ${fixed(row.scores.precision)}, recall ${fixed(row.scores.recall)}, F1 ${fixed(row.scores.f1)} (target ${row.target})`,
    });

  console.log(
    "\n  Chicago exact-key baselines, computed in this run on the full file: records agreeing exactly on the key are one, clusters are the connected components.",
  );
  const baselines = measureChicagoBaselines(dataDir);
  console.log(
    formatTable(
      [
        { header: "rule" },
        { header: "precision", align: "right" },
        { header: "recall", align: "right" },
        { header: "F1", align: "right" },
        { header: "predicted pairs", align: "right" },
        { header: "README's F1" },
      ],
      baselines.map((row) => [
        row.rule,
        fixed(row.scores.precision),
        fixed(row.scores.recall),
        fixed(row.scores.f1),
        int(row.scores.predictedPairs),
        row.documentedF1 === undefined
          ? "— (a stronger variant)"
          : `${row.documentedF1.toFixed(2)}: ${Math.abs(row.scores.f1 - row.documentedF1) <= REPRODUCED_WITHIN ? "reproduced ✓" : "not reproduced ✗"} (within ±${REPRODUCED_WITHIN})`,
      ]),
      "    ",
    ),
  );
}

function printDedupe(run: TDedupeRun, verdicts: TVerdict[]) {
  const noise = NOISE_KINDS.map((kind) => `${kind} ${int(run.noiseRecall[kind]?.total ?? 0)}`).join(", ");
  console.log(
    `\nSynthetic people: ${int(run.people)} records (seed ${SEED}), ${int(run.duplicates)} of them (${percent(run.duplicates / run.people, 1)}) second records of another person, each with one to three kinds of noise: ${noise}. Generated in ${seconds(run.generateMs)}, not timed.`,
  );
  const blocking = run.blocking;
  const completenessMet = blocking.pairCompleteness >= TARGETS.pairCompleteness;
  const reductionMet = blocking.reductionRatio >= TARGETS.reductionRatio;
  console.log(`\nBlocking at ${int(run.people)} people`);
  console.log(
    formatTable(
      [
        { header: "measure" },
        { header: "value", align: "right" },
        { header: "target" },
        { header: "" },
        { header: "from" },
      ],
      [
        [
          "pair completeness",
          percent(blocking.pairCompleteness),
          `≥ ${percent(TARGETS.pairCompleteness, 0)}`,
          mark(completenessMet),
          `${int(blocking.trueCandidatePairs)} of ${int(blocking.truePairs)} true pairs are candidates (${int(blocking.truePairsSharingKey)} share a key, blocks over ${MAX_BLOCK} records included)`,
        ],
        [
          "reduction ratio",
          percent(blocking.reductionRatio, 4),
          `≥ ${percent(TARGETS.reductionRatio, 1)}`,
          mark(reductionMet),
          `${int(blocking.candidatePairs)} candidate pairs of ${int(blocking.allPairs)}`,
        ],
        [
          "blocks",
          int(run.stats.blocks),
          "",
          "",
          `${int(run.stats.skippedBlocks)} skipped (over ${MAX_BLOCK} records); ${int(run.stats.skippedRecords)} records without any key`,
        ],
      ],
    ),
  );
  verdicts.push(
    {
      passed: completenessMet,
      text: `Blocking pair completeness ${percent(blocking.pairCompleteness)} (target ≥ ${percent(TARGETS.pairCompleteness, 0)})`,
    },
    {
      passed: reductionMet,
      text: `Blocking reduction ratio ${percent(blocking.reductionRatio, 4)} (target ≥ ${percent(TARGETS.reductionRatio, 1)})`,
    },
  );

  const timeMet = run.wallMs <= TARGETS.dedupeMs;
  console.log(
    `\nFull dedup of ${int(run.people)} people end to end (features, model, blocking, scoring, clustering), in a process of its own`,
  );
  console.log(
    formatTable(
      [{ header: "measure" }, { header: "value", align: "right" }, { header: "" }],
      [
        [
          "wall time",
          seconds(run.wallMs),
          `target ≤ ${seconds(TARGETS.dedupeMs)} ${mark(timeMet)}; CPU ${seconds(run.cpuMs)}`,
        ],
        [
          "peak RSS",
          `${int(run.maxRssMb)} MB`,
          `${int(run.rssBeforeMb)} MB before the dedup, with the people generated`,
        ],
        [
          "precision",
          fixed(run.scores.precision),
          `${int(run.scores.correctPairs)} of ${int(run.scores.predictedPairs)} predicted pairs are true`,
        ],
        ["recall", fixed(run.scores.recall), `of ${int(run.scores.truePairs)} true pairs`],
        ["F1", fixed(run.scores.f1), ""],
        [
          "wrong direct pairs",
          int(run.wrongPairs),
          `of ${int(run.directPairs)} pairs over the threshold; ${int(run.wrongPairsNamesDiffer)} of them with first and last names both "different"`,
        ],
      ],
    ),
  );
  console.log(
    `  duplicates found, by noise: ${NOISE_KINDS.map((kind) => {
      const { found = 0, total = 0 } = run.noiseRecall[kind] ?? {};
      return `${kind} ${total === 0 ? "—" : percent(found / total, 1)}`;
    }).join(", ")}`,
  );
  const phases = run.phasesMs;
  console.log(
    `  each phase timed alone on the same records: features ${seconds(phases.features)}, blocking ${seconds(phases.blocking)}, comparing ${int(run.stats.candidatePairs)} candidates ${seconds(phases.compare)}, estimating the model ${seconds(phases.model)}`,
  );
  verdicts.push({
    passed: timeMet,
    text: `Full dedup of ${int(run.people)} people in ${seconds(run.wallMs)} (target ≤ ${seconds(TARGETS.dedupeMs)}), peak RSS ${int(run.maxRssMb)} MB, F1 ${fixed(run.scores.f1)}`,
  });
}

function printCheck(run: TCheckRun, verdicts: TVerdict[]) {
  const p95Met = run.p95Ms <= TARGETS.checkP95Ms;
  const ms = (value: number) => `${value.toFixed(2)} ms`;
  console.log(
    `\nSingle-record check (the create form) against a MatchIndex of ${int(run.people)} people: model estimated once from them in ${seconds(run.modelMs)}, index built in ${seconds(run.indexMs)}; ${int(run.checks)} checks, each timed, perturbed copies of indexed records alternating with new people`,
  );
  const { copies, newPeople } = run;
  console.log(
    formatTable(
      [{ header: "measure" }, { header: "value", align: "right" }, { header: "" }],
      [
        ["p50", ms(run.p50Ms), ""],
        ["p95", ms(run.p95Ms), `target ≤ ${TARGETS.checkP95Ms} ms ${mark(p95Met)}`],
        ["p99 / max", `${ms(run.p99Ms)} / ${ms(run.maxMs)}`, ""],
        [
          "copies: original first",
          percent(copies.originalFirst / copies.total, 1),
          `${int(copies.originalFirst)} of ${int(copies.total)}; another record of the same person first ${int(copies.samePersonFirst - copies.originalFirst)}; nothing found ${int(copies.total - copies.found)}`,
        ],
        [
          "new people flagged",
          percent(newPeople.flagged / newPeople.total, 1),
          `${int(newPeople.flagged)} of ${int(newPeople.total)} got a candidate over the threshold`,
        ],
      ],
    ),
  );
  verdicts.push({
    passed: p95Met,
    text: `Single-record check p95 ${ms(run.p95Ms)} against ${int(run.people)} (target ≤ ${TARGETS.checkP95Ms} ms); original first for ${percent(copies.originalFirst / copies.total, 1)} of copies`,
  });
}

export function runDuplicatesSection(options: { people: number; dataDir: string }) {
  console.log(
    "\nDuplicates: the matcher in server/sync/core/match with its defaults, one frozen configuration for every data set.",
  );
  const verdicts: TVerdict[] = [];
  printPublicAccuracy(options.dataDir, verdicts);
  printDedupe(runChild<TDedupeRun>("server/bench/duplicates/dedupe-once.ts", [options.people, SEED]), verdicts);
  printCheck(runChild<TCheckRun>("server/bench/duplicates/check-once.ts", [options.people, SEED, CHECKS]), verdicts);
  console.log("\nDuplicates verdicts");
  for (const verdict of verdicts) console.log(`  ${mark(verdict.passed)} ${verdict.text}`);
}
