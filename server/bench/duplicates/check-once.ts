/**
 * The single-record check a create form runs, in its own process. Prints one JSON line.
 *   tsx server/bench/duplicates/check-once.ts <people> <seed> <checks>
 * Not timed: generating the people. Timed apart: estimating the model once from them
 * (`findDuplicates`), and adding them all to a MatchIndex. Then `checks` records are checked one
 * by one, each timed: perturbed copies of indexed records (the noise of a duplicate, a new id)
 * alternating with new people drawn the same way. Counted: how often a copy's best candidate is
 * the record it copies, or another record of that person, and how often a new person is flagged.
 */
import { findDuplicates } from "@/server/sync/core/match/find-duplicates";
import { MatchIndex } from "@/server/sync/core/match/match-index";
import type { TMatchRecord } from "@/server/sync/core/match/fields";
import { createPeopleSource, generateSyntheticPeople, personOf } from "./synthetic-people";

const people = Number(process.argv[2] ?? 100_000);
const seed = Number(process.argv[3] ?? 1);
const checks = Number(process.argv[4] ?? 1000);
/** As many candidates as a create form lists under its fields. */
const LIMIT = 5;

const source = createPeopleSource(seed, people);
const set = generateSyntheticPeople({ count: people, source });

let started = performance.now();
const { model } = findDuplicates("people", set.records);
const modelMs = performance.now() - started;

started = performance.now();
const index = new MatchIndex("people", model);
for (const record of set.records) index.add(record);
const indexMs = performance.now() - started;

const f = source.faker;
const positionOf = new Map(set.records.map((record, position) => [record.id, position]));
const timesMs: number[] = [];
const copies = { total: 0, originalFirst: 0, samePersonFirst: 0, found: 0 };
const newPeople = { total: 0, flagged: 0 };
for (let k = 0; k < checks; k += 1) {
  const copyOf = k % 2 === 0 ? f.number.int(set.records.length - 1) : undefined;
  const values =
    copyOf === undefined ? source.drawPerson() : source.drawDuplicate(personOf(set.records[copyOf]!)).values;
  const record: TMatchRecord = { id: `check-${k + 1}`, values: { ...values } };
  const before = performance.now();
  const candidates = index.check(record, { limit: LIMIT });
  timesMs.push(performance.now() - before);
  const best = candidates[0];
  if (copyOf === undefined) {
    newPeople.total += 1;
    if (best) newPeople.flagged += 1;
    continue;
  }
  copies.total += 1;
  if (!best) continue;
  copies.found += 1;
  if (best.id === set.records[copyOf]!.id) copies.originalFirst += 1;
  if (set.truth[positionOf.get(best.id)!] === set.truth[copyOf]) copies.samePersonFirst += 1;
}

const sorted = [...timesMs].sort((a, b) => a - b);
const percentile = (share: number) => sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? 0;
const run = {
  people,
  checks,
  modelMs,
  indexMs,
  p50Ms: percentile(0.5),
  p95Ms: percentile(0.95),
  p99Ms: percentile(0.99),
  maxMs: sorted.at(-1) ?? 0,
  copies,
  newPeople,
  maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
};
export type TCheckRun = typeof run;
console.log(JSON.stringify(run));
