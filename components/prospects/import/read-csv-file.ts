/**
 * A picked file as text. UTF-8 first; spreadsheet apps on Windows often save CSV in the ANSI
 * code page instead, which is read as Windows-1252 so accented names survive.
 */
export async function readCsvFile(file: File): Promise<string> {
  const bytes = await file.arrayBuffer();
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}
