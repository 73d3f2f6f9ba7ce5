/**
 * Accuracy on the public data sets with ground truth, one frozen configuration: the matcher's
 * defaults, nothing tuned per file. Each set is scored pairwise after clustering against every
 * true pair, beside its target and the published or simple baselines on the same file.
 */
import { findDuplicates } from "@/server/sync/core/match/find-duplicates";
import type { TMatchEntity } from "@/server/sync/core/match/fields";
import { CHICAGO_EXACT_RULES, clusterByExactKeys } from "./exact-rule-baselines";
import { pairwiseScores, type TPairwiseScores } from "./pairwise-scores";
import { chicagoProviders, febrl3, type TLabelledSet } from "./public-data";

export type TAccuracyRow = {
  name: string;
  hidden: string;
  records: number;
  scores: TPairwiseScores;
  candidatePairs: number;
  ms: number;
  target: string;
  met: boolean;
  anchors: string;
};

export type TBaselineRow = { rule: string; scores: TPairwiseScores; documentedF1?: number };

type TCase = {
  name: string;
  hidden: string;
  entity: TMatchEntity;
  load: (dir: string) => TLabelledSet;
  target: string;
  met: (scores: TPairwiseScores) => boolean;
  anchors: string;
};

const CASES: TCase[] = [
  {
    name: "Febrl3",
    hidden: "soc_sec_id",
    entity: "people",
    load: (dir) => febrl3(dir),
    target: "P ≥ 0.99, R ≥ 0.95",
    met: (scores) => scores.precision >= 0.99 && scores.recall >= 0.95,
    anchors: "recordlinkage's pipeline 0.70, best exact keys 0.82",
  },
  {
    name: "Chicago providers",
    hidden: "True Id, Source",
    entity: "companies",
    load: (dir) => chicagoProviders(dir),
    target: "P ≥ 0.97, R ≥ 0.93",
    met: (scores) => scores.precision >= 0.97 && scores.recall >= 0.93,
    anchors: "exact address 0.91, exact phone 0.80",
  },
  {
    name: "Chicago providers without Address and Zip",
    hidden: "True Id, Source, Address, Zip",
    entity: "companies",
    load: (dir) => chicagoProviders(dir, true),
    target: "F1 ≥ 0.85",
    met: (scores) => scores.f1 >= 0.85,
    anchors: "",
  },
];

export function measurePublicAccuracy(dir: string): TAccuracyRow[] {
  return CASES.map((testCase) => {
    const set = testCase.load(dir);
    const started = performance.now();
    const result = findDuplicates(testCase.entity, set.records);
    const ms = performance.now() - started;
    const scores = pairwiseScores(result.clusterOf, set.truth);
    return {
      name: testCase.name,
      hidden: testCase.hidden,
      records: set.records.length,
      scores,
      candidatePairs: result.stats.candidatePairs,
      ms,
      target: testCase.target,
      met: testCase.met(scores),
      anchors: testCase.anchors,
    };
  });
}

/** The exact-key rules on the full Chicago file (address and phone visible). */
export function measureChicagoBaselines(dir: string): TBaselineRow[] {
  const set = chicagoProviders(dir);
  return CHICAGO_EXACT_RULES.map((rule) => ({
    rule: rule.name,
    scores: pairwiseScores(clusterByExactKeys(set.records, rule.keysOf), set.truth),
    documentedF1: rule.documentedF1,
  }));
}
