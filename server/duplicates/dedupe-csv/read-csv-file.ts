import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { AppError } from "@/server/errors";
import { detectCsvFormat, type TCsvEncoding, type TCsvFormat } from "./csv-format";
import { createCsvRowSplitter, type TCsvRow } from "./csv-row-splitter";

/** The file is not valid UTF-8: read it again as Latin-1. */
export class NotUtf8Error extends Error {}

/** Bytes read at a time. */
const PIECE_BYTES = 256 * 1024;
/** Text read before the separator and line break are taken from the header line. */
const HEADER_CHARS = 64 * 1024;

export type TCsvBatch = { format: TCsvFormat; rows: TCsvRow[] };

/** How each encoding is decoded: UTF-8 strictly (see readCsvFile), UTF-16 as it comes. */
const DECODERS: Record<Exclude<TCsvEncoding, "latin1">, () => TextDecoder> = {
  utf8: () => new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }),
  utf16le: () => new TextDecoder("utf-16le", { ignoreBOM: true }),
  utf16be: () => new TextDecoder("utf-16be", { ignoreBOM: true }),
};

/** UTF-16 when the file starts with its byte-order mark, else null: try UTF-8, then Latin-1. */
export async function utf16ByteOrder(path: string, fileName: string): Promise<"utf16le" | "utf16be" | null> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(path, "r");
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    if (bytesRead < 2) return null;
    if (buffer[0] === 0xff && buffer[1] === 0xfe) return "utf16le";
    if (buffer[0] === 0xfe && buffer[1] === 0xff) return "utf16be";
    return null;
  } catch (error) {
    throw readError(error, path, fileName);
  } finally {
    await handle?.close();
  }
}

/**
 * Streams a CSV file as batches of rows, the header row first, holding one piece of the file at a
 * time. UTF-8 is decoded strictly (NotUtf8Error on the first invalid byte, so the caller can read
 * the file as Latin-1 instead of matching on replacement characters); the byte-order mark is
 * dropped and noted in the format. Pass `format` to read the file as an earlier read found it.
 */
export async function* readCsvFile(
  path: string,
  options: { encoding: TCsvEncoding; fileName: string; format?: TCsvFormat },
): AsyncGenerator<TCsvBatch> {
  const { encoding, fileName } = options;
  let reading = options.format ? withSplitter(options.format, fileName) : null;
  let bom: boolean | null = null;
  let start = "";
  for await (const piece of decodedPieces(path, encoding, fileName)) {
    let text = piece;
    if (bom === null) {
      if (!text) continue;
      bom = encoding !== "latin1" && text.charCodeAt(0) === 0xfeff;
      if (bom) text = text.slice(1);
    }
    if (reading) {
      yield { format: reading.format, rows: reading.splitter.push(text) };
      continue;
    }
    // The format is read from the header line: wait for enough text to hold it.
    start += text;
    if (start.length < HEADER_CHARS) continue;
    reading = withSplitter({ ...detectCsvFormat(start), encoding, bom }, fileName);
    yield { format: reading.format, rows: reading.splitter.push(start) };
    start = "";
  }
  if (bom === null) return;
  if (!reading) {
    reading = withSplitter({ ...detectCsvFormat(start), encoding, bom }, fileName);
    yield { format: reading.format, rows: reading.splitter.push(start) };
  }
  yield { format: reading.format, rows: reading.splitter.end() };
}

function withSplitter(format: TCsvFormat, fileName: string) {
  return { format, splitter: createCsvRowSplitter(format, fileName) };
}

async function* decodedPieces(path: string, encoding: TCsvEncoding, fileName: string): AsyncGenerator<string> {
  const decoder = encoding === "latin1" ? null : DECODERS[encoding]();
  const stream = createReadStream(path, { highWaterMark: PIECE_BYTES });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      yield decoder ? decodeUtf8(() => decoder.decode(chunk, { stream: true })) : chunk.toString("latin1");
    }
  } catch (error) {
    throw readError(error, path, fileName);
  }
  if (decoder) {
    const rest = decodeUtf8(() => decoder.decode());
    if (rest) yield rest;
  }
}

function decodeUtf8(decode: () => string): string {
  try {
    return decode();
  } catch (error) {
    if (error instanceof TypeError) throw new NotUtf8Error(error.message);
    throw error;
  }
}

function readError(error: unknown, path: string, fileName: string): unknown {
  if (error instanceof NotUtf8Error || error instanceof AppError) return error;
  const code = error instanceof Error && "code" in error ? error.code : undefined;
  if (code === "ENOENT") return new AppError("BAD_REQUEST", `${path} does not exist.`);
  if (code === "EISDIR") return new AppError("BAD_REQUEST", `${path} is a folder; name a CSV file.`);
  return new AppError(
    "BAD_REQUEST",
    `Cannot read ${fileName}: ${error instanceof Error ? error.message : String(error)}`,
    { cause: error },
  );
}
