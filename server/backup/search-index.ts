import { quoteIdentifier } from "./backup-types";

const FTS5 = /\bUSING\s+fts5\s*\(/i;
// `content=…` naming a table (not `content=''`, a contentless index, whose text exists nowhere else).
const EXTERNAL_CONTENT = /[(,]\s*content\s*=\s*(?:'[^']+'|"[^"]+"|`[^`]+`|\[[^\]]+\]|[A-Za-z_]\w*)/i;

/**
 * Whether a virtual table is an FTS5 index whose text lives in a table of its own (people search
 * is one). Such an index is derived data: a backup carries its SQL and its content table's rows,
 * and a restore rebuilds it, instead of copying the shadow tables page for page.
 */
export function isRebuildableSearchIndex(sql: string): boolean {
  return FTS5.test(sql) && EXTERNAL_CONTENT.test(sql);
}

/** FTS5's own command that reads the content table again and writes the whole index. */
export function rebuildSearchIndexStatement(name: string): string {
  return `INSERT INTO ${quoteIdentifier(name)}(${quoteIdentifier(name)}) VALUES ('rebuild')`;
}
