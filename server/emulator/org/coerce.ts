import { SfError } from "./errors";
import { normalizeId } from "./ids";
import type { FieldDef } from "./schema";
import type { SfValue, Store } from "./store";
import { parseDateTimeLiteral } from "../soql/literals";

// Salesforce's own email check is close to this: something@something.tld, no spaces.
const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

const deserializeError = (f: FieldDef, type: string, value: unknown) => {
  const shown = Array.isArray(value) ? "[" : typeof value === "object" && value !== null ? "{" : String(value);
  return new SfError(
    400,
    "JSON_PARSER_ERROR",
    `Cannot deserialize instance of ${type} from ${describeJson(value)} value ${shown} or request may be missing a required field`,
    [f.name],
  );
};

function describeJson(v: unknown): string {
  if (typeof v === "string") return "VALUE_STRING";
  if (typeof v === "number") return Number.isInteger(v) ? "VALUE_NUMBER_INT" : "VALUE_NUMBER_FLOAT";
  if (typeof v === "boolean") return v ? "VALUE_TRUE" : "VALUE_FALSE";
  if (Array.isArray(v)) return "START_ARRAY";
  return "START_OBJECT";
}

/**
 * A JSON (or SOAP text) value → the stored form, with Salesforce's field checks: empty strings
 * are null, text longer than the field is STRING_TOO_LONG (message uses the field label), emails
 * must look like emails, a restricted picklist takes only its values, lookups must hold an Id of
 * a referenced object.
 */
export function coerceValue(store: Store, f: FieldDef, value: unknown): SfValue {
  // A checkbox is never null: clearing it stores false.
  if ((value === null || value === undefined) && f.type === "boolean") return false;
  if (value === null || value === undefined) return null;
  if (typeof value === "object") throw deserializeError(f, f.type, value);
  switch (f.type) {
    case "boolean":
      if (typeof value === "boolean") return value;
      throw deserializeError(f, "boolean", value);
    case "int":
    case "double":
    case "currency": {
      const n =
        typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : NaN;
      if (value === "") return null;
      if (!Number.isFinite(n)) throw deserializeError(f, f.type === "int" ? "int" : "double", value);
      return f.type === "int" ? Math.trunc(n) : n;
    }
    case "date": {
      if (value === "") return null;
      const s = String(value);
      if (!/^\d{4}-\d{2}-\d{2}/.test(s) || Number.isNaN(Date.parse(s.slice(0, 10))))
        throw deserializeError(f, "date", value);
      return s.slice(0, 10);
    }
    case "datetime": {
      if (value === "") return null;
      const s = String(value);
      const ms = parseDateTimeLiteral(s) ?? (/^\d{4}-\d{2}-\d{2}$/.test(s) ? Date.parse(`${s}T00:00:00Z`) : null);
      if (ms === null || Number.isNaN(ms)) throw deserializeError(f, "datetime", value);
      return ms;
    }
    case "reference":
    case "id": {
      if (value === "") return null;
      const s = String(value);
      const id = normalizeId(s);
      const targets = f.referenceTo.map((t) => store.table(t)?.def.keyPrefix);
      if (!id || (f.type === "reference" && !targets.includes(id.slice(0, 3)))) {
        throw new SfError(400, "MALFORMED_ID", `${f.label}: id value of incorrect type: ${s}`, [f.name]);
      }
      if (f.type === "reference" && !store.findById(id)) {
        throw new SfError(400, "INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id", [f.name]);
      }
      return id;
    }
    default: {
      const s = typeof value === "string" ? value : String(value);
      if (s === "") return null;
      if (f.length > 0 && s.length > f.length) {
        throw new SfError(400, "STRING_TOO_LONG", `${f.label}: data value too large: ${s} (max length=${f.length})`, [
          f.name,
        ]);
      }
      if (f.type === "picklist" && f.restrictedPicklist && !f.picklistValues.some((p) => p.active && p.value === s)) {
        throw new SfError(
          400,
          "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
          `${f.label}: bad value for restricted picklist field: ${s}`,
          [f.name],
        );
      }
      if (f.type === "email" && !EMAIL.test(s)) {
        throw new SfError(400, "INVALID_EMAIL_ADDRESS", `${f.label}: invalid email address: ${s}`, [f.name]);
      }
      return s;
    }
  }
}
