import type { TAddToCrmResult } from "@/server/records/write/form-schemas";

const numbers = new Intl.NumberFormat("en");

/** "12 added, 1 already in CRM, 2 skipped". */
export function addToCrmSummary(result: TAddToCrmResult): string {
  const parts = [`${numbers.format(result.created)} added`];
  if (result.alreadyInCrm > 0) parts.push(`${numbers.format(result.alreadyInCrm)} already in CRM`);
  if (result.skipped > 0) parts.push(`${numbers.format(result.skipped)} skipped`);
  return parts.join(", ");
}

/** The reasons prospects were skipped, most frequent first, each with how many it held back. */
export function skippedReasons(result: TAddToCrmResult): Array<{ reason: string; count: number }> {
  const counts = new Map<string, number>();
  for (const problem of result.problems) counts.set(problem.reason, (counts.get(problem.reason) ?? 0) + 1);
  return [...counts].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count);
}

/** What else happened: accounts made for people's companies, contacts left without one. */
export function addToCrmNotes(result: TAddToCrmResult): string[] {
  const notes: string[] = [];
  if (result.accountsCreated > 0) {
    notes.push(
      `${numbers.format(result.accountsCreated)} ${result.accountsCreated === 1 ? "account was" : "accounts were"} created for people's companies.`,
    );
  }
  if (result.withoutAccount > 0) {
    notes.push(
      `${numbers.format(result.withoutAccount)} ${result.withoutAccount === 1 ? "contact has" : "contacts have"} no account: several accounts match the company, so none was chosen.`,
    );
  }
  return notes;
}
