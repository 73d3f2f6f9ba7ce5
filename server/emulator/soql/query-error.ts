import { SfError } from "../org/errors";

/**
 * Salesforce quotes the query, points a caret at the offending token and gives its row and
 * column: "SELECT Foo FROM Contact\n       ^\nERROR at Row:1:Column:8\nNo such column …".
 */
export function queryError(soql: string, token: string, errorCode: string, detail: string, after?: string): SfError {
  const lines = soql.split("\n");
  let row = 1;
  let col = 1;
  const escaped = token.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const re = new RegExp(`(^|[^A-Za-z0-9_.])(${escaped})(?![A-Za-z0-9_])`, "gi");
  // Point at the occurrence in the clause that failed (a field can appear in SELECT and WHERE).
  const clause = after ? new RegExp(`\\b${after}\\b`, "i").exec(soql) : null;
  const start = clause ? clause.index : 0;
  let offset = 0;
  search: for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    re.lastIndex = 0;
    for (let m = re.exec(line); m; m = re.exec(line)) {
      if (offset + m.index + m[1]!.length >= start) {
        row = i + 1;
        col = m.index + m[1]!.length + 1;
        break search;
      }
    }
    offset += line.length + 1;
  }
  const line = lines[row - 1] ?? soql;
  const message = `${line}\n${" ".repeat(col - 1)}^\nERROR at Row:${row}:Column:${col}\n${detail}`;
  return new SfError(400, errorCode, message);
}
