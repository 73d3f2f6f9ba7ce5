import fc from "fast-check";

/*
 * CSV files for the fuzz suites of the import and of dedupe: a model (header, rows of known kinds),
 * written with any separator and line break, quoted where CSV needs it, and encoded as any of the
 * encodings spreadsheet apps save. The model keeps what each row is, so a property can say what
 * must become of it.
 */

export const CSV_SEPARATORS = [",", ";", "\t", "|"] as const;
export const CSV_NEWLINES = ["\n", "\r\n", "\r"] as const;
export const CSV_ENCODINGS = ["utf-8", "utf-8-bom", "utf-16le", "utf-16be", "latin1", "windows-1252"] as const;
export type TCsvSeparator = (typeof CSV_SEPARATORS)[number];
export type TCsvNewline = (typeof CSV_NEWLINES)[number];
export type TCsvEncodingName = (typeof CSV_ENCODINGS)[number];

/** good: importable as is. The broken kinds say why not; ragged rows have too few or too many cells. */
export type TRowKind = "good" | "no-name" | "bad-email" | "duplicate-email" | "ragged-short" | "ragged-long";
export type TCsvRow = { kind: TRowKind; cells: string[] } | { kind: "blank" };

export type TCsvModel = {
  headers: string[];
  rows: TCsvRow[];
  separator: TCsvSeparator;
  newline: TCsvNewline;
  encoding: TCsvEncodingName;
  leadingBlankLines: number;
  trailingNewline: boolean;
};

/** The people columns every generated file has, by role; extra columns are `Col N`. */
export const PEOPLE_COLUMNS = {
  firstName: "First Name",
  lastName: "Last Name",
  email: "Email",
  company: "Company",
  title: "Title",
  ref: "Ref",
} as const;
type TRole = keyof typeof PEOPLE_COLUMNS;

/** Characters a spreadsheet cell may hold, the hard ones over-weighted; what the encoding can hold. */
const STRUCTURE = [",", ";", "\t", "|", '"', "\n", " ", "'", "="];
const LATIN_1 = ["é", "ü", "Ø", "ß", "ñ", "\u00a0", "¿"];
const WINDOWS_1252 = ["€", "’", "“", "—", "Ÿ", "…"];
const BEYOND = ["中", "😀", "Ω", "ğ"];
const awkwardFor = (encoding: TCsvEncodingName) =>
  fc.constantFrom(
    ...STRUCTURE,
    ...LATIN_1,
    ...(encoding === "latin1" ? [] : WINDOWS_1252),
    ...(encoding === "latin1" || encoding === "windows-1252" ? [] : BEYOND),
  );
const letter = fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".split(""));
const textFor = (encoding: TCsvEncodingName) => (maxLength: number) =>
  fc.string({
    unit: fc.oneof({ weight: 4, arbitrary: letter }, { weight: 1, arbitrary: awkwardFor(encoding) }),
    maxLength,
  });

export type TCsvOptions = { maxRows?: number; maxExtraColumns?: number; bigCell?: boolean };

/** A people file: its header in any order, good rows mixed with broken ones and blank lines. */
export function arbitraryPeopleCsv(options: TCsvOptions = {}): fc.Arbitrary<TCsvModel> {
  return fc.constantFrom(...CSV_ENCODINGS).chain((encoding) => peopleCsvIn(encoding, options));
}

function peopleCsvIn(encoding: TCsvEncodingName, options: TCsvOptions): fc.Arbitrary<TCsvModel> {
  const roles = Object.keys(PEOPLE_COLUMNS) as TRole[];
  const text = textFor(encoding);
  /** A value with something to read after trimming: a name. */
  const nameText = fc.tuple(letter, text(12)).map(([first, rest]) => first + rest);
  return fc
    .record({
      order: fc.shuffledSubarray(roles, { minLength: roles.length, maxLength: roles.length }),
      extraColumns: fc.integer({ min: options.bigCell ? 1 : 0, max: options.maxExtraColumns ?? 3 }),
      rows: fc.array(
        fc.record({
          kind: fc.constantFrom<TRowKind | "blank">(
            "good",
            "good",
            "good",
            "good",
            "no-name",
            "bad-email",
            "duplicate-email",
            "ragged-short",
            "ragged-long",
            "blank",
          ),
          firstName: fc.oneof(nameText, fc.constant("")),
          lastName: nameText,
          withEmail: fc.boolean(),
          company: text(15),
          title: text(15),
          extras: fc.array(text(10), { maxLength: 200 }),
          cut: fc.nat(),
        }),
        { maxLength: options.maxRows ?? 12 },
      ),
      bigCell: options.bigCell ? fc.constantFrom("extra", "company", "lastName") : fc.constant(null),
      separator: fc.constantFrom(...CSV_SEPARATORS),
      newline: fc.constantFrom(...CSV_NEWLINES),
      leadingBlankLines: fc.constantFrom(0, 0, 0, 1, 2),
      trailingNewline: fc.boolean(),
    })
    .map((drawn) => {
      const headers: string[] = drawn.order.map((role) => PEOPLE_COLUMNS[role]);
      for (let index = 0; index < drawn.extraColumns; index++) headers.push(`Col ${index + 1}`);
      const goodEmails: string[] = [];
      const rows: TCsvRow[] = drawn.rows.map((row, index) => {
        if (row.kind === "blank") return { kind: "blank" };
        const ref = `r${index + 1}`;
        let email = row.withEmail || row.kind === "good" ? `person${index + 1}@example${index % 7}.com` : "";
        let firstName = row.firstName;
        let lastName = row.lastName;
        if (row.kind === "no-name") [firstName, lastName] = ["", ""];
        if (row.kind === "bad-email") email = `person ${index + 1} at example.com`;
        if (row.kind === "duplicate-email") {
          const earlier = goodEmails[row.cut % Math.max(goodEmails.length, 1)];
          if (!earlier) return { kind: "blank" };
          // Another case of the same address is the same person.
          email = index % 2 ? earlier.toUpperCase() : earlier;
        }
        if (row.kind === "good") goodEmails.push(email);
        // A megabyte in one column of every other row: an extra one, or one the matcher reads.
        const big = drawn.bigCell && index % 2 === 0 ? `${"x".repeat(1024 * 1024)}${index}` : null;
        const byRole: Record<TRole, string> = {
          firstName,
          lastName: big && drawn.bigCell === "lastName" && lastName ? big : lastName,
          email,
          company: big && drawn.bigCell === "company" ? big : row.company,
          title: row.title,
          ref,
        };
        const extras = headers.slice(drawn.order.length).map((_, column) => row.extras[column] ?? "");
        if (big && drawn.bigCell === "extra") extras[0] = big;
        let cells = [...drawn.order.map((role) => byRole[role]), ...extras];
        if (row.kind === "ragged-short") cells = cells.slice(0, row.cut % cells.length);
        if (row.kind === "ragged-long") cells = [...cells, "surplus", ...row.extras.slice(0, 3)];
        // A row without cells is an empty line: CSV cannot tell them apart.
        if (cells.length === 0 || (cells.length === 1 && cells[0] === "")) return { kind: "blank" };
        return { kind: row.kind, cells };
      });
      return {
        headers,
        rows,
        separator: drawn.separator,
        newline: drawn.newline,
        encoding,
        leadingBlankLines: drawn.leadingBlankLines,
        trailingNewline: drawn.trailingNewline,
      };
    });
}

/** One cell as CSV writes it: quoted when it holds the separator, a quote or a line break. */
export function csvCell(cell: string, separator: string): string {
  return cell.includes(separator) || /["\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** The file's text; a cut row that holds no cells at all is an empty line (CSV cannot say otherwise). */
export function csvText(model: TCsvModel): string {
  const lines = [
    ...Array.from({ length: model.leadingBlankLines }, () => ""),
    model.headers.map((cell) => csvCell(cell, model.separator)).join(model.separator),
    ...model.rows.map((row) =>
      row.kind === "blank" ? "" : row.cells.map((cell) => csvCell(cell, model.separator)).join(model.separator),
    ),
  ];
  return lines.join(model.newline) + (model.trailingNewline ? model.newline : "");
}

/** Each data row's line in the file (from 1), counting every line break as an editor does. */
export function rowLines(model: TCsvModel): Map<TCsvRow, number> {
  const lines = new Map<TCsvRow, number>();
  let line = model.leadingBlankLines + 2;
  for (const row of model.rows) {
    lines.set(row, line);
    line += 1;
    if (row.kind !== "blank") for (const cell of row.cells) line += cell.match(/\r\n|\r|\n/g)?.length ?? 0;
  }
  return lines;
}

/** What bytes 0x80 to 0x9F stand for in Windows-1252, from the WHATWG Encoding Standard's index. */
const WINDOWS_1252_HIGH = String.fromCodePoint(
  0x20ac,
  0x81,
  0x201a,
  0x192,
  0x201e,
  0x2026,
  0x2020,
  0x2021,
  0x2c6,
  0x2030,
  0x160,
  0x2039,
  0x152,
  0x8d,
  0x17d,
  0x8f,
  0x90,
  0x2018,
  0x2019,
  0x201c,
  0x201d,
  0x2022,
  0x2013,
  0x2014,
  0x2dc,
  0x2122,
  0x161,
  0x203a,
  0x153,
  0x9d,
  0x17e,
  0x178,
);

/**
 * The file's bytes in its encoding, or in UTF-8 when that encoding cannot hold its text (or when
 * its bytes would also read as UTF-8, which no reader can tell apart): returns the encoding used.
 */
export function encodeCsv(
  textValue: string,
  encoding: TCsvEncodingName,
): { bytes: Uint8Array; encoding: TCsvEncodingName } {
  const utf8 = () => new TextEncoder().encode(textValue);
  switch (encoding) {
    case "utf-8":
      return { bytes: utf8(), encoding };
    case "utf-8-bom":
      return { bytes: new Uint8Array([0xef, 0xbb, 0xbf, ...utf8()]), encoding };
    case "utf-16le":
      return { bytes: new Uint8Array([0xff, 0xfe, ...Buffer.from(textValue, "utf16le")]), encoding };
    case "utf-16be": {
      const little = Buffer.from(textValue, "utf16le");
      for (let index = 0; index + 1 < little.length; index += 2) {
        [little[index], little[index + 1]] = [little[index + 1]!, little[index]!];
      }
      return { bytes: new Uint8Array([0xfe, 0xff, ...little]), encoding };
    }
    case "latin1":
    case "windows-1252": {
      const bytes = singleByte(textValue, encoding);
      if (!bytes || isUtf8(bytes)) return { bytes: utf8(), encoding: "utf-8" };
      return { bytes, encoding };
    }
  }
}

/** The text in a one-byte-per-character encoding, or null when it holds a character the encoding lacks. */
export function singleByte(textValue: string, encoding: "latin1" | "windows-1252"): Uint8Array | null {
  const bytes = new Uint8Array(textValue.length);
  for (let index = 0; index < textValue.length; index++) {
    const code = textValue.charCodeAt(index);
    const high = WINDOWS_1252_HIGH.indexOf(textValue[index]!);
    if (encoding === "windows-1252" && high >= 0 && code > 0xff) bytes[index] = 0x80 + high;
    else if (code <= 0xff && !(code >= 0x80 && code < 0xa0)) bytes[index] = code;
    else return null;
  }
  return bytes;
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
