/**
 * DUP-3: what a merge of two records may do, in words the dialog shows. Pure.
 * - A prospect merged with a CRM record is linked to it (the CRM record survives).
 * - "Also merge in Salesforce": two records of one object that both reached Salesforce (SOAP
 *   merge), or a lead into a contact (convertLead: Salesforce cannot merge a lead with a contact).
 * - "Stop syncing that Salesforce record": for a merged-away record linked to Salesforce.
 */
import type { TMergeRecord } from "./merge-records";

export type TSide = "a" | "b";
export type TSalesforceMergeMode = "merge" | "convert";
export type TMergeOptions = {
  survivors: TSide[];
  defaultSurvivor: TSide;
  /** Per possible survivor: what "also merge in Salesforce" would do, or why it cannot. */
  salesforce: Record<TSide, { mode: TSalesforceMergeMode | null; reason: string }>;
  /** Per possible survivor: whether the merged-away record has a Salesforce record to stop syncing. */
  canStopSyncing: Record<TSide, boolean>;
};

const other = (side: TSide): TSide => (side === "a" ? "b" : "a");
const isCrm = (record: TMergeRecord) => record.ref.type !== "prospect";

function salesforceOption(
  survivor: TMergeRecord,
  loser: TMergeRecord,
): { mode: TSalesforceMergeMode | null; reason: string } {
  if (!isCrm(survivor) || !isCrm(loser))
    return { mode: null, reason: "A prospect is Tandem's own record: there is nothing to merge in Salesforce." };
  const missing = [survivor, loser].find((record) => !record.sfId);
  if (missing)
    return { mode: null, reason: `${missing.name} is not in Salesforce yet, so Salesforce has nothing to merge.` };
  if (survivor.sfObject === loser.sfObject)
    return {
      mode: "merge",
      reason: `Salesforce merges the two ${survivor.sfObject === "Account" ? "accounts" : `${survivor.kind}s`} too, keeping the values chosen here; the other one goes to its recycle bin.`,
    };
  if (survivor.sfObject === "Contact" && loser.sfObject === "Lead") {
    if (!survivor.accountSfId)
      return {
        mode: null,
        reason: `${survivor.name} has no account in Salesforce, and a lead converts into a contact's account.`,
      };
    return {
      mode: "convert",
      reason:
        "Salesforce cannot merge a lead with a contact. It converts the lead into this contact instead (no opportunity is created); the lead stays in Salesforce, marked converted.",
    };
  }
  return {
    mode: null,
    reason:
      "Salesforce cannot merge a lead with a contact, and converts a lead only into a contact: keep the contact to convert the lead into it.",
  };
}

export function mergeOptions(a: TMergeRecord, b: TMergeRecord): TMergeOptions {
  const records = { a, b };
  const survivors: TSide[] = isCrm(a) === isCrm(b) ? ["a", "b"] : isCrm(a) ? ["a"] : ["b"];
  const rank = (record: TMergeRecord) => [
    isCrm(record) ? 0 : 1,
    record.sfId ? 0 : 1,
    record.kind === "lead" ? 1 : 0,
    record.createdAt,
  ];
  const [ra, rb] = [rank(a), rank(b)];
  const order = ra.findIndex((value, i) => value !== rb[i]);
  const preferred: TSide = order === -1 || ra[order]! <= rb[order]! ? "a" : "b";
  const defaultSurvivor = survivors.includes(preferred) ? preferred : survivors[0]!;
  const salesforce = {
    a: salesforceOption(a, b),
    b: salesforceOption(b, a),
  };
  return {
    survivors,
    defaultSurvivor,
    salesforce,
    canStopSyncing: { a: Boolean(records[other("a")].sfId), b: Boolean(records[other("b")].sfId) },
  };
}
