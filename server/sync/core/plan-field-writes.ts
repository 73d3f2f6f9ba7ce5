/**
 * MAP-2 to MAP-5: which Salesforce fields Tandem writes from its prospect data, decided per linked
 * record and mapped field. Pure: the pull hands it the records it touched (with Salesforce's
 * values), their prospects' values and what Tandem wrote before; the mapping page's preview hands
 * it the stored copies. Manual choices always win, and Tandem never fights Salesforce over a value.
 */
import type { TFieldMappingEntry, TMappedObject, TValueKind } from "./field-mapping";
import { tandemValueOf } from "./field-mapping";
import { sameValue, isEmptyValue, valueText } from "./mapping-values";

/** Who wrote or chose a field's value last (the ledger of Tandem's field writes). */
export const FIELD_WRITE_SOURCES = ["auto-fill", "auto-overwrite", "manual", "rep-edit", "keep-salesforce"] as const;
export type TFieldWriteSource = (typeof FIELD_WRITE_SOURCES)[number];
/**
 * `queued` on its way, `pushed` accepted, `failed` rejected, `reverted` Salesforce changed it back,
 * `kept` a manual choice that writes nothing of its own (keep Salesforce's value, a rep's edit).
 */
export const FIELD_WRITE_STATES = ["queued", "pushed", "failed", "reverted", "kept"] as const;
export type TFieldWriteState = (typeof FIELD_WRITE_STATES)[number];

/** A manual choice: an enrichment by hand, a rep's own edit, or keeping Salesforce's value. */
export const MANUAL_SOURCES: ReadonlySet<TFieldWriteSource> = new Set(["manual", "rep-edit", "keep-salesforce"]);

export type TFieldLedgerEntry = { value: string | null; source: TFieldWriteSource; state: TFieldWriteState };

/**
 * A mapped value on its way (an outbox row's `field_values`, by Salesforce field): what to write,
 * who chose it, and Salesforce's value when it was chosen (for the record's history).
 */
export type TQueuedFieldValue = {
  value: string;
  source: "auto-fill" | "auto-overwrite" | "manual";
  from: string | null;
};

/** A rule as the planner uses it: a mapping entry that is on, with how its values compare. */
export type TMappingRule = TFieldMappingEntry & { compareAs: TValueKind };

export type TMappingCandidate = {
  recordType: "person" | "account";
  recordId: string;
  object: TMappedObject;
  name: string;
  /** Salesforce's values, as last pulled. A field missing from it was never pulled: unknown. */
  salesforce: Readonly<Record<string, unknown>>;
  /** The linked prospect: its columns and its extras. */
  prospect: Readonly<Record<string, unknown>> & { extra?: Readonly<Record<string, string>> | null };
  /** Tandem's earlier writes and choices on this record, by Salesforce field. */
  ledger: ReadonlyMap<string, TFieldLedgerEntry>;
};

export type TPlannedFieldWrite = {
  recordType: "person" | "account";
  recordId: string;
  object: TMappedObject;
  name: string;
  field: string;
  tandemField: string;
  from: string | null;
  to: string;
  source: "auto-fill" | "auto-overwrite" | "manual";
};

/** Salesforce changed a value back after Tandem wrote it: Tandem stops writing that field there. */
export type TPlannedRevert = {
  recordType: "person" | "account";
  recordId: string;
  object: TMappedObject;
  name: string;
  field: string;
  wrote: string;
  salesforceNow: string | null;
};

export type TFieldWritePlan = { writes: TPlannedFieldWrite[]; reverts: TPlannedRevert[] };

/**
 * The automatic writes for some linked records (MAP-2, MAP-3). For each rule that is on:
 * - an empty Tandem value never erases Salesforce;
 * - a manual choice on the record and field (an enrichment by hand, a rep's edit, "keep
 *   Salesforce's value") is never undone;
 * - a write on its way, rejected, or stopped is not planned again while Tandem's value is the same;
 * - a value Tandem wrote that Salesforce then changed is a revert: reported once, never fought;
 * - auto-fill writes into an empty field, auto-overwrite over a different value (after
 *   normalisation: case, spaces, phone and URL forms).
 */
export function planFieldWrites(
  candidates: ReadonlyArray<TMappingCandidate>,
  rulesFor: (object: TMappedObject) => ReadonlyArray<TMappingRule>,
): TFieldWritePlan {
  const writes: TPlannedFieldWrite[] = [];
  const reverts: TPlannedRevert[] = [];
  for (const candidate of candidates) {
    for (const rule of rulesFor(candidate.object)) {
      if (rule.mode === "off") continue;
      // A field the pull never fetched is unknown, not empty: nothing is decided on it.
      if (!(rule.salesforce in candidate.salesforce)) continue;
      const tandem = tandemValueOf(candidate.prospect, rule.tandem);
      if (tandem === null) continue;
      const current = candidate.salesforce[rule.salesforce];
      const earlier = candidate.ledger.get(rule.salesforce);
      if (earlier) {
        if (MANUAL_SOURCES.has(earlier.source)) continue;
        const sameIntent = sameValue(rule.compareAs, earlier.value, tandem);
        if (sameIntent && earlier.state !== "pushed") continue;
        if (sameIntent && !sameValue(rule.compareAs, earlier.value, current)) {
          reverts.push({
            recordType: candidate.recordType,
            recordId: candidate.recordId,
            object: candidate.object,
            name: candidate.name,
            field: rule.salesforce,
            wrote: earlier.value ?? "",
            salesforceNow: valueText(current),
          });
          continue;
        }
      }
      const write = rule.mode === "auto-fill" ? isEmptyValue(current) : !sameValue(rule.compareAs, current, tandem);
      if (write) writes.push(plannedWrite(candidate, rule, current, tandem, rule.mode));
    }
  }
  return { writes, reverts };
}

function plannedWrite(
  candidate: TMappingCandidate,
  rule: TMappingRule,
  current: unknown,
  tandem: string,
  source: TPlannedFieldWrite["source"],
): TPlannedFieldWrite {
  return {
    recordType: candidate.recordType,
    recordId: candidate.recordId,
    object: candidate.object,
    name: candidate.name,
    field: rule.salesforce,
    tandemField: rule.tandem,
    from: valueText(current),
    to: tandem,
    source,
  };
}

/**
 * MAP-5: "Use Tandem's value" by hand, for chosen fields of chosen records. It goes whatever the
 * field's mode, and whatever Tandem decided before; only an empty Tandem value or one Salesforce
 * already holds writes nothing.
 */
export function planManualWrites(
  candidates: ReadonlyArray<TMappingCandidate>,
  chosen: (candidate: TMappingCandidate) => ReadonlyArray<TMappingRule>,
): TPlannedFieldWrite[] {
  const writes: TPlannedFieldWrite[] = [];
  for (const candidate of candidates) {
    for (const rule of chosen(candidate)) {
      const tandem = tandemValueOf(candidate.prospect, rule.tandem);
      const current = candidate.salesforce[rule.salesforce];
      if (tandem === null || sameValue(rule.compareAs, current, tandem)) continue;
      writes.push(plannedWrite(candidate, rule, current, tandem, "manual"));
    }
  }
  return writes;
}

/** What the activity log says of a field write: "Title auto-filled from prospect: (empty) → VP Sales". */
export function fieldWriteMessage(
  write: { source: TFieldWriteSource; from: string | null; to: string | null },
  fieldLabel: string,
): string {
  const verb =
    write.source === "auto-fill"
      ? "auto-filled from prospect"
      : write.source === "auto-overwrite"
        ? "overwritten from prospect"
        : "set to Tandem's value by hand";
  return `${fieldLabel} ${verb}: ${write.from ?? "(empty)"} → ${write.to ?? "(empty)"}`;
}

/** The error-log words for a revert (a warning, not a failure). */
export function revertMessage(revert: Pick<TPlannedRevert, "field" | "wrote" | "salesforceNow">): string {
  return `Salesforce keeps changing this field: Tandem wrote “${revert.wrote}” to ${revert.field}, and Salesforce changed it to “${
    revert.salesforceNow ?? "(empty)"
  }”. Tandem stopped writing ${revert.field} on this record; use Tandem's value on the Enrichment page to write it once more, or look for the automation in Salesforce that changes it.`;
}
