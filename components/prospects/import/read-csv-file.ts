import { decodeCsvFile } from "@/server/prospects/import/decode-csv-file";

/**
 * A picked file as text, decoded as the command line decodes it: UTF-8, UTF-16 with its
 * byte-order mark, or Windows-1252 for a spreadsheet's ANSI export, so accented names survive.
 */
export async function readCsvFile(file: File): Promise<string> {
  return decodeCsvFile(new Uint8Array(await file.arrayBuffer())).text;
}
