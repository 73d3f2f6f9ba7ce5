/*
 * Text typed into number and date fields, turned into what the schemas take. Unreadable text
 * becomes NaN (or the raw text), so the schema's own message says what to fix.
 */

/** "12,500", "$ 12 500.50" → a number; "" → undefined. */
export function parseAmount(text: string): number | undefined {
  const cleaned = text.replace(/[\s,$€£¥]/g, "");
  return cleaned === "" ? undefined : Number(cleaned);
}

/** Whole minutes: "" → undefined; "1.5" or "ten" → NaN. */
export function parseMinutes(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** A `datetime-local` value ("2026-03-31T14:00", the reader's time) as an ISO instant; "" stays "". */
export function localDateTimeToIso(value: string): string {
  if (value === "") return "";
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

/** An instant as a `datetime-local` value in the reader's time zone, to the minute. */
export function isoToLocalDateTime(at: number): string {
  const date = new Date(at);
  const pad = (part: number) => String(part).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
