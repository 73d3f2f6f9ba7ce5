import type { TSnapshot } from "./snapshot";

export type TDifference = { where: string; onlyInReference: string[]; onlyInRun: string[] };

/** Rows (as normalised lines) that one snapshot has and the other has not, per export and object. */
export function compareSnapshots(reference: TSnapshot, run: TSnapshot): TDifference[] {
  const differences: TDifference[] = [];
  for (const side of ["tandem", "salesforce"] as const) {
    const names = new Set([...Object.keys(reference[side]), ...Object.keys(run[side])]);
    for (const name of [...names].sort()) {
      const expected = countLines(reference[side][name] ?? []);
      const actual = countLines(run[side][name] ?? []);
      const onlyInReference = surplus(expected, actual);
      const onlyInRun = surplus(actual, expected);
      if (onlyInReference.length > 0 || onlyInRun.length > 0)
        differences.push({
          where: `${side === "tandem" ? "Tandem export" : "Salesforce"} ${name}`,
          onlyInReference,
          onlyInRun,
        });
    }
  }
  return differences;
}

function countLines(lines: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of lines) counts.set(line, (counts.get(line) ?? 0) + 1);
  return counts;
}

function surplus(a: Map<string, number>, b: Map<string, number>): string[] {
  const out: string[] = [];
  for (const [line, n] of a) for (let i = b.get(line) ?? 0; i < n; i++) out.push(line);
  return out;
}

/** A readable diff: per place, the rows only the reference has (-) and only the run has (+). */
export function formatDifferences(differences: readonly TDifference[], limit = 15): string {
  return differences
    .map((difference) => {
      const lines = [
        `  ${difference.where}: ${difference.onlyInReference.length} rows only in the reference, ${difference.onlyInRun.length} only in this run`,
        ...difference.onlyInReference.slice(0, limit).map((line) => `    - ${line}`),
        ...difference.onlyInRun.slice(0, limit).map((line) => `    + ${line}`),
      ];
      const hidden =
        Math.max(0, difference.onlyInReference.length - limit) + Math.max(0, difference.onlyInRun.length - limit);
      if (hidden > 0) lines.push(`    … and ${hidden} more`);
      return lines.join("\n");
    })
    .join("\n");
}
