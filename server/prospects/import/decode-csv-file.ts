/**
 * A CSV file's bytes as text, whatever a spreadsheet app saved it as: UTF-8 (with or without a
 * byte-order mark), UTF-16 with its byte-order mark (Excel's "Unicode Text"), or, for a file that
 * is not valid UTF-8, the ANSI code page of Windows (Windows-1252, a superset of Latin-1's
 * letters), so accented names survive. Pure and free of Node APIs: the import screen and the
 * command line read files the same way.
 */
export type TCsvFileEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

export function decodeCsvFile(bytes: Uint8Array): { text: string; encoding: TCsvFileEncoding } {
  const marked = byteOrderMark(bytes);
  // The decoder drops the byte-order mark; after one, a broken sequence becomes U+FFFD.
  if (marked) return { text: new TextDecoder(marked).decode(bytes), encoding: marked };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: "windows-1252" };
  }
}

/** Bytes 0x80 to 0x9F in Windows-1252 (WHATWG's index); the five it leaves out stay C1 controls. */
const WINDOWS_1252_HIGH =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

/**
 * Node's TextDecoder reads "windows-1252" as Latin-1 (since 20.18.3 and 22.13.0: bytes 0x80 to 0x9F
 * come out as C1 controls, so `’` becomes U+0092); browsers read it right. Mapping the C1 range
 * afterwards gives the same text in both.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder("windows-1252")
    .decode(bytes)
    .replace(/[\u0080-\u009f]/g, (char) => WINDOWS_1252_HIGH.charAt(char.charCodeAt(0) - 0x80));
}

function byteOrderMark(bytes: Uint8Array): Exclude<TCsvFileEncoding, "windows-1252"> | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return null;
}
