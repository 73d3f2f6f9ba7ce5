import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prospects } from "@/db/schema";
import { createTestDatabase, testDatabaseKind, type TTestDatabase } from "@/db/testing/test-database";
import { runImportCommand } from "./commands/import-command";

let database: TTestDatabase;
let dir: string;

beforeAll(async () => {
  database = await createTestDatabase();
  dir = mkdtempSync(join(tmpdir(), "tandem-import-"));
});

afterAll(async () => {
  await database.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

// The command closes its handle when done; the test's database stays open for the next one.
const stayOpen = { close() {} } as unknown as TTestDatabase["client"];

async function importFile(name: string, bytes: Uint8Array) {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  const printed: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((line: string) => void printed.push(line));
  const error = vi.spyOn(console, "error").mockImplementation(() => {});
  try {
    await runImportCommand(["people", file], async () => ({ db: database.db, client: stayOpen }));
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
  return JSON.parse(printed.join("\n")) as { total: number; imported: number; bad: number };
}

describe(`import people FILE.csv in a spreadsheet's encodings, on ${testDatabaseKind()}`, () => {
  const csv = "First name;Last name;Email\r\nZoë;Müller;zoe@müller-gmbh.example\r\nJosé;Núñez;jose@example.com\r\n";

  it("reads a UTF-16 file with its byte-order mark (Excel's Unicode Text) as the import screen does", async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, "utf16le")]);
    expect(await importFile("utf16.csv", utf16)).toMatchObject({ total: 2, imported: 2, bad: 0 });
  });

  it("reads a Windows-1252 file (a spreadsheet's ANSI export) with its accents intact", async () => {
    // Latin-1 writes each character below U+0100 as one byte; U+0092 stands for 0x92, Windows-1252's "’".
    const text = csv.replaceAll("@", ".ansi@").replace("müller-gmbh", "mueller-gmbh").replace("Zoë", "Zoë\u0092s");
    const bytes = Buffer.from(text, "latin1");
    expect(await importFile("ansi.csv", bytes)).toMatchObject({ total: 2, imported: 2, bad: 0 });
    const names = (await database.db.select({ firstName: prospects.firstName }).from(prospects)).map(
      (row) => row.firstName,
    );
    expect(names).toContain("Zoë’s");
    expect(names).toContain("José");
  });
});
