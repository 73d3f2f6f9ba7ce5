/** Display formats shared by lists and profiles. Dates from Salesforce are ISO strings. */

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });
const dateTimeFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });
const numberFormat = new Intl.NumberFormat("en");

/** A date-only value ("2026-03-31") is a calendar day, not an instant: format it in UTC so it never shifts. */
export function formatDate(value: string): string {
  const date = new Date(`${value.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? value : dateFormat.format(date);
}

export function formatDateTime(value: string | number): string {
  // Salesforce writes offsets without a colon (+0000), which Date parses in every modern engine.
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : dateTimeFormat.format(date);
}

export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

const currencyFormats = new Map<string, Intl.NumberFormat>();
export function formatCurrency(value: number, currency: string | null, options: { compact?: boolean } = {}): string {
  const code = currency ?? "USD";
  const key = `${code}:${options.compact ? "c" : ""}`;
  let format = currencyFormats.get(key);
  if (!format) {
    try {
      format = new Intl.NumberFormat("en", {
        style: "currency",
        currency: code,
        maximumFractionDigits: options.compact ? 1 : 0,
        notation: options.compact ? "compact" : "standard",
      });
    } catch {
      format = new Intl.NumberFormat("en", { maximumFractionDigits: 0 });
    }
    currencyFormats.set(key, format);
  }
  return format.format(value);
}

export function formatPercent(value: number): string {
  return `${numberFormat.format(value)}%`;
}

const relativeFormat = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ["year", 365 * 24 * 3600_000],
  ["month", 30 * 24 * 3600_000],
  ["week", 7 * 24 * 3600_000],
  ["day", 24 * 3600_000],
  ["hour", 3600_000],
  ["minute", 60_000],
];

/** "3 minutes ago", "yesterday"; under a minute is "just now". */
export function formatRelative(at: number, now: number): string {
  const elapsed = at - now;
  for (const [unit, size] of UNITS) {
    if (Math.abs(elapsed) >= size) return relativeFormat.format(Math.round(elapsed / size), unit);
  }
  return "just now";
}

/** "acme.com" from "https://www.acme.com/about", for showing websites compactly. */
export function displayDomain(website: string): string {
  return website
    .replace(/^https?:\/\//i, "")
    .replace(/^www\./i, "")
    .replace(/\/$/, "");
}

/** An href for a website typed without a scheme. */
export function websiteHref(website: string): string {
  return /^https?:\/\//i.test(website) ? website : `https://${website}`;
}
