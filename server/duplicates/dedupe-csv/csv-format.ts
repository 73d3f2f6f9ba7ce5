/**
 * How a CSV file is written: its separator and line break, read from the header line, and how
 * its bytes decode. The output is written the same way, so it opens wherever the input did.
 */

export const CSV_DELIMITERS = [",", ";", "\t"] as const;
export type TCsvDelimiter = (typeof CSV_DELIMITERS)[number];
export type TCsvNewline = "\r\n" | "\n" | "\r";
/** UTF-8, or Latin-1 for a file that is not valid UTF-8 (every byte is a Latin-1 character). */
export type TCsvEncoding = "utf8" | "latin1";

export type TCsvFormat = {
  delimiter: TCsvDelimiter;
  newline: TCsvNewline;
  encoding: TCsvEncoding;
  /** The file starts with a UTF-8 byte-order mark (spreadsheets write one); the output keeps it. */
  bom: boolean;
};

/**
 * The separator that splits the header line into the most cells (comma on a tie or when none
 * does), and the line break that ends it. Quoted text is skipped, so a header such as
 * `"Name, full";Email` is read as two columns separated by semicolons.
 */
export function detectCsvFormat(start: string): Pick<TCsvFormat, "delimiter" | "newline"> {
  const counts = new Map<string, number>(CSV_DELIMITERS.map((delimiter) => [delimiter, 0]));
  let newline: TCsvNewline = "\n";
  let quoted = false;
  for (let index = 0; index < start.length; index += 1) {
    const char = start.charAt(index);
    if (char === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (char === "\n" || char === "\r") {
      newline = char === "\r" ? (start[index + 1] === "\n" ? "\r\n" : "\r") : "\n";
      break;
    } else if (counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let delimiter: TCsvDelimiter = ",";
  for (const candidate of CSV_DELIMITERS) {
    if ((counts.get(candidate) ?? 0) > (counts.get(delimiter) ?? 0)) delimiter = candidate;
  }
  return { delimiter, newline };
}
