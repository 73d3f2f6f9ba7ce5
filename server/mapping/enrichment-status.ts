import { tandemValueOf } from "@/server/sync/core/field-mapping";
import { isEmptyValue, sameValue, valueText } from "@/server/sync/core/mapping-values";
import type { TMappingCandidate, TMappingRule } from "@/server/sync/core/plan-field-writes";

/**
 * MAP-5: how one comparable field of a linked record stands: Salesforce empty while Tandem holds
 * a value, or the two differ (after normalisation); null when there is nothing to enrich (same
 * value, Tandem empty, or Salesforce's value never pulled).
 */
export function enrichmentStatus(
  candidate: TMappingCandidate,
  rule: TMappingRule,
): { status: "empty" | "differs"; tandemValue: string; salesforceValue: string | null } | null {
  if (!(rule.salesforce in candidate.salesforce)) return null;
  const tandemValue = tandemValueOf(candidate.prospect, rule.tandem);
  if (tandemValue === null) return null;
  const current = candidate.salesforce[rule.salesforce];
  if (isEmptyValue(current)) return { status: "empty", tandemValue, salesforceValue: null };
  if (sameValue(rule.compareAs, current, tandemValue)) return null;
  return { status: "differs", tandemValue, salesforceValue: valueText(current) };
}
