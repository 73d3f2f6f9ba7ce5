import { describe, expect, it } from "vitest";
import { decodeCsvFile } from "./decode-csv-file";

const bytes = (...values: number[]) => Uint8Array.from(values);
const text = "Name;City\nRenée O’Brien;Zürich €\n";

describe("decodeCsvFile", () => {
  it.each([
    ["UTF-8", new TextEncoder().encode(text), "utf-8"],
    ["UTF-8 with a byte-order mark", bytes(0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)), "utf-8"],
    [
      "UTF-16LE with a byte-order mark (Excel's Unicode Text)",
      bytes(0xff, 0xfe, ...Buffer.from(text, "utf16le")),
      "utf-16le",
    ],
    ["UTF-16BE with a byte-order mark", bytes(0xfe, 0xff, ...Buffer.from(text, "utf16le").swap16()), "utf-16be"],
  ])("reads %s", (_name, file, encoding) => {
    expect(decodeCsvFile(file)).toEqual({ text, encoding });
  });

  it("reads a file that is not UTF-8 as Windows-1252, its punctuation and euro sign included", () => {
    const latin = bytes(
      ...Buffer.from("Name;City\nRen\u00e9e O", "latin1"),
      0x92,
      ...Buffer.from("Brien;Z\u00fcrich ", "latin1"),
      0x80,
      0x0a,
    );
    expect(decodeCsvFile(latin)).toEqual({ text, encoding: "windows-1252" });
  });

  it("keeps the five bytes Windows-1252 leaves undefined as the controls they stand for", () => {
    expect(decodeCsvFile(bytes(0x81, 0x8d, 0x8f, 0x90, 0x9d, 0xff)).text).toBe("\u0081\u008d\u008f\u0090\u009d\u00ff");
  });
});
