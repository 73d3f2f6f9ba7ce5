import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { z } from "zod";
import { AppError } from "@/server/errors";
import type { TBackupRecord, TSqlValue, TTableShape } from "./backup-types";
import {
  BEGIN_LINES,
  COMMIT_LINE,
  DUMP_FIRST_LINE_PREFIX,
  DUMP_VERSION,
  insertLine,
  MARKER_PREFIX,
  rebuildLine,
  SEQUENCE_LINES,
  ZDumpHeaderSchema,
  ZEndMarkerSchema,
  ZRowsMarkerSchema,
  ZSchemaMarkerSchema,
  ZSequenceMarkerSchema,
} from "./dump-format";
import { parseRowLine, RowLineError } from "./dump-values";

const ZVersionSchema = z.object({ version: z.number().int() });

type TLine = { text: string; number: number; unterminated?: boolean };

/**
 * Reads Tandem's SQL dump back into backup records, checking every part against its marker and,
 * at the end, the counts and the digest of the whole file. A file cut short or changed anywhere
 * fails with an AppError that says so, at the latest when the last line is read: whoever
 * consumes the records must treat them as unverified until the generator has finished.
 */
export async function* readDump(path: string): AsyncGenerator<TBackupRecord> {
  const digest = createHash("sha256");
  const lines = readLines(path, digest);
  const damaged = (line: TLine | null, problem: string): never => {
    throw new AppError(
      "BAD_REQUEST",
      line
        ? `${path} is damaged at line ${line.number}: ${problem}. Restore from another backup.`
        : `${path} ends before its last line: the backup was cut short (an interrupted copy or a full disk?). Restore from another backup.`,
    );
  };
  const next = async (): Promise<TLine> => {
    const { value, done } = await lines.next();
    return done || value.unterminated ? damaged(null, "") : value;
  };
  const expect = async (text: string) => {
    const line = await next();
    if (line.text !== text) damaged(line, `expected ${JSON.stringify(text)}`);
  };
  const parseMarker = <T>(line: TLine, schema: z.ZodType<T>, json: string): T => {
    try {
      return schema.parse(JSON.parse(json));
    } catch {
      return damaged(line, "the marker is not valid");
    }
  };
  const readRows = async (count: number, width: number): Promise<TSqlValue[][]> => {
    const rows: TSqlValue[][] = [];
    for (let index = 0; index < count; index++) {
      const line = await next();
      try {
        const { values, last } = parseRowLine(line.text);
        if (values.length !== width) damaged(line, `a row has ${values.length} values instead of ${width}`);
        if (last !== (index === count - 1)) damaged(line, "the statement does not end where its marker says");
        rows.push(values);
      } catch (error) {
        if (error instanceof RowLineError) damaged(line, `not a row (${error.message})`);
        throw error;
      }
    }
    return rows;
  };

  const first = await lines.next();
  if (first.done || first.value.unterminated || !first.value.text.startsWith(DUMP_FIRST_LINE_PREFIX)) {
    throw new AppError(
      "BAD_REQUEST",
      `${path} is not a Tandem backup: it starts with neither a SQLite header nor "${DUMP_FIRST_LINE_PREFIX.trim()}".`,
    );
  }
  const headerJson = first.value.text.slice(DUMP_FIRST_LINE_PREFIX.length);
  const version = parseMarker(first.value, ZVersionSchema, headerJson).version;
  if (version !== DUMP_VERSION) {
    throw new AppError(
      "BAD_REQUEST",
      `${path} is a dump of format ${version}, which this version of Tandem does not read. Restore it with the Tandem that made it, or a newer one.`,
    );
  }
  parseMarker(first.value, ZDumpHeaderSchema, headerJson);
  await next(); // the line for people who open the file
  for (const text of BEGIN_LINES) await expect(text);

  const tables = new Set<string>();
  const counted = { tables: 0, rows: 0 };
  // Tables, then rows, then the sequence, then indexes, triggers and views: the order that loads.
  let phase: "tables" | "rows" | "rest" = "tables";
  for (;;) {
    const line = await next();
    if (line.text === COMMIT_LINE) break;
    if (!line.text.startsWith(MARKER_PREFIX)) damaged(line, "expected a -- tandem: marker");
    const [kind, ...json] = line.text.slice(MARKER_PREFIX.length).split(" ");
    const body = json.join(" ");
    if (kind === "schema") {
      const object = parseMarker(line, ZSchemaMarkerSchema, body);
      if ((object.type === "table") !== (phase === "tables")) damaged(line, "a schema object is out of order");
      if (object.type !== "table") phase = "rest";
      const statement: string[] = [];
      for (let index = 0; index < object.lines; index++) statement.push((await next()).text);
      const sql = statement.join("\n");
      if (!sql.endsWith(";")) damaged(line, "a schema statement does not end with ;");
      if (object.type === "table") {
        tables.add(object.name);
        counted.tables += 1;
      }
      if (object.type === "virtual") await expect(rebuildLine(object.name));
      yield {
        kind: "object",
        object: { type: object.type, name: object.name, tableName: object.table, sql: sql.slice(0, -1) },
      };
    } else if (kind === "rows") {
      const marker = parseMarker(line, ZRowsMarkerSchema, body);
      if (phase === "rest" || !tables.has(marker.table)) damaged(line, `rows of ${marker.table} are out of place`);
      phase = "rows";
      const table: TTableShape = { name: marker.table, columns: marker.columns, rowid: marker.rowid };
      await expect(insertLine(table));
      const rows = await readRows(marker.count, marker.columns.length + (marker.rowid ? 1 : 0));
      counted.rows += rows.length;
      yield { kind: "rows", table, rows };
    } else if (kind === "sequence") {
      const marker = parseMarker(line, ZSequenceMarkerSchema, body);
      if (phase === "rest") damaged(line, "the sequences are out of place");
      phase = "rest";
      for (const text of SEQUENCE_LINES) await expect(text);
      yield { kind: "sequence", rows: await readRows(marker.count, 2) };
    } else {
      damaged(line, `unknown marker ${kind}`);
    }
  }

  const last = await next();
  // The digest covers every line handed out before this one (see readLines).
  const before = digest.copy().digest("hex");
  if (!last.text.startsWith(`${MARKER_PREFIX}end `)) damaged(last, "expected the end marker");
  const end = parseMarker(last, ZEndMarkerSchema, last.text.slice(`${MARKER_PREFIX}end `.length));
  if (end.sha256 !== before) damaged(last, "its content does not match its digest (a changed byte)");
  if (end.tables !== counted.tables || end.rows !== counted.rows) damaged(last, "the counts do not match the content");
  if (!(await lines.next()).done) damaged(last, "there is more after the last line");
}

/** The file's lines, split on \n only (schema text may hold \r), each hashed as it is read. */
async function* readLines(path: string, digest: ReturnType<typeof createHash>): AsyncGenerator<TLine> {
  let number = 0;
  let rest: Buffer | null = null;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    const data: Buffer = rest ? Buffer.concat([rest, chunk]) : chunk;
    let start = 0;
    for (let end = data.indexOf(10, start); end >= 0; end = data.indexOf(10, start)) {
      const line = data.subarray(start, end);
      start = end + 1;
      number += 1;
      const text = line.toString("utf8");
      yield { text, number };
      // Hashed after it is handed out, so the digest before the end line leaves that line out.
      digest.update(line);
      digest.update("\n");
    }
    rest = start < data.length ? data.subarray(start) : null;
  }
  // A last line without its newline: the file was cut short inside it.
  if (rest) yield { text: rest.toString("utf8"), number: number + 1, unterminated: true };
}
