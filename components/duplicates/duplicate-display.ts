import type { TDuplicatePair, TDuplicateRecord } from "@/server/duplicates/duplicate-schemas";
import { displayDomain } from "../records/format";

/** "97%", "99.4%": the matcher's probability, never rounded up (a 98.96% pair is not "99%"). */
export function formatScore(score: number): string {
  const percent = Math.min(100, Math.max(0, score * 100));
  if (percent >= 99 && percent < 100) return `${Math.floor(percent * 10 + 1e-9) / 10}%`;
  return `${Math.floor(percent + 1e-9)}%`;
}

/** What a record is, in one word: a CRM contact, lead or account, or a prospect. */
export function recordKindLabel(record: Pick<TDuplicateRecord, "type" | "kind">): string {
  if (record.type === "prospect") return "Prospect";
  return record.kind === "contact" ? "Contact" : record.kind === "lead" ? "Lead" : "Account";
}

export type TCompareRow = {
  key: "name" | "email" | "phone" | "company";
  label: string;
  a: string | null;
  b: string | null;
  differs: boolean;
};

const text = (value: string) => value.trim().replace(/\s+/g, " ").toLowerCase();
/** Names and companies: the same words, whatever the punctuation ("Lynch, Lowe and Stokes"). */
const words = (value: string) => text(value.replace(/[^\p{L}\p{N}]+/gu, " "));

/** Whether two phone numbers are one: the same digits, or one is the other with a country code. */
function samePhone(a: string, b: string): boolean {
  const [x, y] = [a.replace(/\D/g, ""), b.replace(/\D/g, "")];
  if (x === y) return true;
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  return short.length >= 7 && long.length - short.length <= 3 && long.endsWith(short);
}

/** Whether two values of a field read as the same (case, spacing, a phone's punctuation, a website's scheme). */
export function sameValue(key: TCompareRow["key"], a: string | null, b: string | null, website = false): boolean {
  const [x, y] = [a?.trim() || null, b?.trim() || null];
  if (x === null || y === null) return x === y;
  if (key === "phone") return samePhone(x, y);
  if (key === "company" && website) return text(displayDomain(x)) === text(displayDomain(y));
  if (key === "name" || key === "company") return words(x) === words(y);
  return text(x) === text(y);
}

/**
 * The fields the queue shows for both records of a pair, each with whether it differs. People
 * show their company; companies their website. A field neither record has is left out.
 */
export function compareRows(pair: Pick<TDuplicatePair, "entity" | "a" | "b">): TCompareRow[] {
  const website = pair.entity === "companies";
  const rows: Array<Omit<TCompareRow, "a" | "b" | "differs">> = [
    { key: "name", label: "Name" },
    { key: "email", label: "Email" },
    { key: "phone", label: "Phone" },
    { key: "company", label: website ? "Website" : "Company" },
  ];
  return rows.flatMap((row) => {
    const [a, b] = [pair.a[row.key], pair.b[row.key]];
    if (row.key !== "name" && !a && !b) return [];
    return [{ ...row, a, b, differs: !sameValue(row.key, a, b, website) }];
  });
}

export type TPairGroup = { cluster: TDuplicatePair["cluster"]; pairs: TDuplicatePair[] };

/** The page's pairs in their clusters, in the queue's order (a cluster's pairs arrive together). */
export function groupByCluster(rows: readonly TDuplicatePair[]): TPairGroup[] {
  const groups: TPairGroup[] = [];
  for (const pair of rows) {
    const last = groups.at(-1);
    if (last && last.cluster.id === pair.cluster.id) last.pairs.push(pair);
    else groups.push({ cluster: pair.cluster, pairs: [pair] });
  }
  return groups;
}

type TNamedRecord = Pick<TDuplicateRecord, "type" | "kind" | "name"> & { sfId?: string | null };

/**
 * The two records' names, told apart when they are the same: by kind ("Ada Lovelace (lead)"),
 * else by Salesforce Id, else by their place in the pair.
 */
export function distinctNames(a: TNamedRecord, b: TNamedRecord): { a: string; b: string } {
  if (text(a.name) !== text(b.name)) return { a: a.name, b: b.name };
  const [kindA, kindB] = [recordKindLabel(a).toLowerCase(), recordKindLabel(b).toLowerCase()];
  if (kindA !== kindB) return { a: `${a.name} (${kindA})`, b: `${b.name} (${kindB})` };
  if (a.sfId && b.sfId) return { a: `${a.name} (${a.sfId})`, b: `${b.name} (${b.sfId})` };
  return { a: `${a.name} (first)`, b: `${b.name} (second)` };
}

/** "Jon Smith and John Smith": how a pair is named to screen readers and in toasts. */
export function pairName(pair: { a: TNamedRecord; b: TNamedRecord }): string {
  const names = distinctNames(pair.a, pair.b);
  return `${names.a} and ${names.b}`;
}
