/**
 * MAP-2/MAP-3 compare values the way a person would: case and spacing do not make two titles
 * different, nor do phone formats ("(555) 010-0199" and "+1 555 010 0199") or URL forms
 * ("https://www.linkedin.com/in/ada/" and "linkedin.com/in/ada"). Pure.
 */
import type { CountryCode } from "libphonenumber-js/min";
import { normalizePhone } from "./normalize";
import type { TValueKind } from "./field-mapping";

/** Empty for a mapping: absent, or nothing but spaces. */
export function isEmptyValue(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** A value as text for display and sending, or null when empty. */
export function valueText(value: unknown): string | null {
  if (isEmptyValue(value)) return null;
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

/** A URL without its scheme, "www.", trailing slashes, fragment, and with its host lower-cased. */
function urlKey(value: string): string {
  let text = value.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, "");
  text = text.replace(/#.*$/, "").replace(/\/+$/, "");
  const slash = text.search(/[/?]/);
  const host = (slash === -1 ? text : text.slice(0, slash)).toLowerCase().replace(/^www\d*\./, "");
  const rest = slash === -1 ? "" : text.slice(slash).replace(/\/+(\?|$)/, "$1");
  return `${host}${rest}`;
}

/** The form two values are compared in. */
export function comparisonKey(kind: TValueKind, value: unknown, defaultCountry: CountryCode = "US"): string | null {
  const text = valueText(value);
  if (text === null) return null;
  if (kind === "phone") return normalizePhone(text, defaultCountry) ?? text;
  if (kind === "url") return urlKey(text);
  if (kind === "email") return text.toLowerCase();
  // Plain ASCII needs no Unicode normalisation (most values, and the cheap path on every pull).
  const normalized = /^[\x20-\x7e]*$/.test(text) ? text : text.normalize("NFKC");
  return normalized.replace(/\s+/g, " ").toLowerCase();
}

/** Whether two values say the same thing (both empty counts as the same). */
export function sameValue(kind: TValueKind, a: unknown, b: unknown): boolean {
  return comparisonKey(kind, a) === comparisonKey(kind, b);
}
