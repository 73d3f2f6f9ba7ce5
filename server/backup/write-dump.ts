import { createHash } from "node:crypto";
import { open } from "node:fs/promises";
import type { TBackupRecord } from "./backup-types";
import {
  COMMIT_LINE,
  headerLines,
  marker,
  rowsLines,
  schemaLines,
  sequenceLines,
  type TDumpHeader,
} from "./dump-format";

export type TDumpCounts = { tables: number; rows: number; bytes: number };

const FLUSH_AT = 1 << 20;

/**
 * Writes backup records as Tandem's SQL dump (dump-format.ts) to a new file, a batch at a time,
 * and ends it with the digest of everything before the last line. `onRows` hears the running
 * count of rows written.
 */
export async function writeDump(
  records: AsyncIterable<TBackupRecord>,
  path: string,
  header: TDumpHeader,
  onRows: (rows: number) => void = () => undefined,
): Promise<TDumpCounts> {
  const file = await open(path, "wx");
  const digest = createHash("sha256");
  let pending: string[] = [];
  let pendingLength = 0;
  let bytes = 0;
  const flush = async () => {
    const chunk = Buffer.from(pending.join(""), "utf8");
    pending = [];
    pendingLength = 0;
    digest.update(chunk);
    bytes += chunk.length;
    await file.write(chunk);
  };
  const write = async (lines: string[]) => {
    for (const line of lines) {
      pending.push(line, "\n");
      pendingLength += line.length + 1;
    }
    if (pendingLength >= FLUSH_AT) await flush();
  };

  try {
    const counts = { tables: 0, rows: 0 };
    await write(headerLines(header));
    for await (const record of records) {
      if (record.kind === "object") {
        if (record.object.type === "table") counts.tables += 1;
        await write(schemaLines(record.object));
      } else if (record.kind === "rows") {
        counts.rows += record.rows.length;
        await write(rowsLines(record.table, record.rows));
        onRows(counts.rows);
      } else {
        await write(sequenceLines(record.rows));
      }
    }
    await write([COMMIT_LINE]);
    await flush();
    const end = Buffer.from(`${marker("end", { ...counts, sha256: digest.digest("hex") })}\n`, "utf8");
    await file.write(end);
    return { ...counts, bytes: bytes + end.length };
  } finally {
    await file.close();
  }
}
