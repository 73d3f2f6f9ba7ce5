import type { FieldDef } from "./schema";
import type { Rec, SfValue } from "./store";

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** REST JSON datetime: `2024-01-01T00:00:00.000+0000` (offset without a colon, unlike SOAP's `Z`). */
export function formatDateTime(ms: number): string {
  return new Date(ms).toISOString().replace("Z", "+0000");
}

/** SOAP, outbound messages and Bulk CSV use the XSD form with `Z`. */
export function formatDateTimeZ(ms: number): string {
  return new Date(ms).toISOString();
}

export function formatDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Stored value → REST JSON value. */
export function toJsonValue(f: FieldDef | undefined, value: SfValue | undefined): SfValue {
  if (value === undefined || value === null) return null;
  if (f?.type === "datetime" && typeof value === "number") return formatDateTime(value);
  return value;
}

/** Stored value → text for SOAP/CSV (`Z` datetimes, `50000.0` doubles are not required by parsers). */
export function toTextValue(f: FieldDef | undefined, value: SfValue | undefined): string | null {
  if (value === undefined || value === null) return null;
  if (f?.type === "datetime" && typeof value === "number") return formatDateTimeZ(value);
  return String(value);
}

export function recordUrl(version: string, type: string, id: string): string {
  return `/services/data/v${version}/sobjects/${type}/${id}`;
}

export function attributes(version: string, type: string, id: SfValue | undefined): { type: string; url: string } {
  return { type, url: recordUrl(version, type, String(id ?? "")) };
}

/** A whole record as the sObject GET returns it: attributes, then every field, nulls included. */
export function fullRecord(version: string, type: string, fields: FieldDef[], rec: Rec): Record<string, unknown> {
  const out: Record<string, unknown> = { attributes: attributes(version, type, rec.Id) };
  for (const f of fields) out[f.name] = toJsonValue(f, rec[f.name]);
  return out;
}
