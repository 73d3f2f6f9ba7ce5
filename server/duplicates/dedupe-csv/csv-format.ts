/**
 * How a CSV file is written: its separator and line break, read from the header line, and how
 * its bytes decode. The output is written the same way, so it opens wherever the input did.
 */

export const CSV_DELIMITERS = [",", ";", "\t", "|"] as const;
export type TCsvDelimiter = (typeof CSV_DELIMITERS)[number];
export type TCsvNewline = "\r\n" | "\n" | "\r";
/**
 * UTF-8; UTF-16 for a file that starts with its byte-order mark (Excel's "Unicode Text"); or
 * Latin-1 for a file that is not valid UTF-8 (every byte is a Latin-1 character, so every byte is
 * written back as it was).
 */
export type TCsvEncoding = "utf8" | "latin1" | "utf16le" | "utf16be";

export type TCsvFormat = {
  delimiter: TCsvDelimiter;
  newline: TCsvNewline;
  encoding: TCsvEncoding;
  /** The file starts with a byte-order mark (spreadsheets write one); the output keeps it. */
  bom: boolean;
};

/**
 * The separator that splits the header line into the most cells (comma on a tie or when none
 * does), and the line break that ends it. Quoted text is skipped, so a header such as
 * `"Name, full";Email` is read as two columns separated by semicolons. Blank lines before the
 * header are passed over, as the readers pass over blank lines; a header that ends the file takes
 * their line break. Only the header is trusted: data rows may hold any separator unquoted
 * (`Acme, Inc` in a file separated by semicolons).
 */
export function detectCsvFormat(start: string): Pick<TCsvFormat, "delimiter" | "newline"> {
  const counts = new Map<string, number>(CSV_DELIMITERS.map((delimiter) => [delimiter, 0]));
  const header = headerStart(start);
  let newline: TCsvNewline = header.newline ?? "\n";
  let quoted = false;
  for (let index = header.at; index < start.length; index += 1) {
    const char = start.charAt(index);
    if (char === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (char === "\n" || char === "\r") {
      newline = lineBreakAt(start, index);
      break;
    } else if (counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let delimiter: TCsvDelimiter = ",";
  for (const candidate of CSV_DELIMITERS) {
    if ((counts.get(candidate) ?? 0) > (counts.get(delimiter) ?? 0)) delimiter = candidate;
  }
  return { delimiter, newline };
}

function lineBreakAt(text: string, index: number): TCsvNewline {
  return text[index] === "\r" ? (text[index + 1] === "\n" ? "\r\n" : "\r") : "\n";
}

/** Where the first line that is not blank (empty, or spaces and tabs only) starts, and the first line break before it. */
function headerStart(text: string): { at: number; newline: TCsvNewline | null } {
  let at = 0;
  let newline: TCsvNewline | null = null;
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charAt(index);
    if (char === "\n" || char === "\r") {
      newline ??= lineBreakAt(text, index);
      at = index + 1;
    } else if (char !== " " && char !== "\t") return { at, newline };
  }
  return { at, newline };
}
