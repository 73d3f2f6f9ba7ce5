import type { TMergeableObject, TMergeRequest } from "./port";

/** The standard key prefixes of the objects merge() accepts: the same in every org. */
const KEY_PREFIXES: Record<TMergeableObject, string> = { Account: "001", Contact: "003", Lead: "00Q" };

/** merge() takes at most three records per request: the master and two more. */
export const MAX_MERGE_IDS = 2;

const RECORD_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
/** Field names become XML element names in the request, so only API names pass. */
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const RESERVED_FIELDS = new Set(["id", "type", "fieldstonull"]);

export type TMergeRefusalCode =
  | "MERGE_NO_RECORDS"
  | "MERGE_TOO_MANY_RECORDS"
  | "MERGE_WRONG_OBJECT"
  | "MERGE_REPEATED_RECORD"
  | "MERGE_INVALID_VALUES";

export type TMergeRefusal = { code: TMergeRefusalCode; message: string };

function isScalar(value: unknown): boolean {
  return value === null || ["string", "number", "boolean"].includes(typeof value);
}

/**
 * Why Salesforce would refuse this merge request before looking at any record, or null. The
 * port refuses these without spending an API call.
 */
export function refuseMerge(request: TMergeRequest): TMergeRefusal | null {
  const { object, masterId, mergeIds } = request;
  if (mergeIds.length === 0) {
    return { code: "MERGE_NO_RECORDS", message: `Choose at least one ${object} to merge into the surviving record.` };
  }
  if (mergeIds.length > MAX_MERGE_IDS) {
    return {
      code: "MERGE_TOO_MANY_RECORDS",
      message: `Salesforce merges at most three records at once (the surviving record and two more), not ${mergeIds.length + 1}. Merge the rest into the same surviving record in a second step.`,
    };
  }
  const prefix = KEY_PREFIXES[object];
  const ids = [masterId, ...mergeIds];
  const foreign = ids.find((id) => !RECORD_ID.test(id) || id.slice(0, 3) !== prefix);
  if (foreign !== undefined) {
    return {
      code: "MERGE_WRONG_OBJECT",
      message: `"${foreign}" is not a ${object} Id. Salesforce merges records of one object only.`,
    };
  }
  // A 15-character Id is the case-sensitive core of its 18-character form.
  const master = masterId.slice(0, 15);
  const seen = new Set<string>([master]);
  for (const id of mergeIds) {
    const core = id.slice(0, 15);
    if (seen.has(core)) {
      return {
        code: "MERGE_REPEATED_RECORD",
        message:
          core === master
            ? `The surviving record ${masterId} cannot also be merged away. Choose other records to merge into it.`
            : `${id} is listed twice among the records to merge away.`,
      };
    }
    seen.add(core);
  }
  for (const [field, value] of Object.entries(request.masterValues ?? {})) {
    if (value === undefined) continue;
    if (!FIELD_NAME.test(field) || RESERVED_FIELDS.has(field.toLowerCase()) || !isScalar(value)) {
      return {
        code: "MERGE_INVALID_VALUES",
        message: `The value kept for "${field}" cannot be sent: surviving values must be text, numbers, true/false or empty, under a field's API name.`,
      };
    }
  }
  return null;
}
