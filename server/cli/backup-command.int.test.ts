import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import journal from "@/db/migrations/meta/_journal.json";
import { openDatabase, type TDatabaseConfig } from "@/db/client";
import { createTestDatabase, testDatabaseKind, type TTestDatabase } from "@/db/testing/test-database";
import { readEnv } from "@/server/env";
import { EXPORT_KINDS, exportRows } from "@/server/exports/export-records";
import { insertProspect } from "@/server/duplicates/testing/duplicate-fixtures";
import { insertAccounts, insertOpportunities, insertPeople } from "@/server/records/testing/crm-fixtures";
import { readDatabaseContent } from "@/server/backup/testing/database-content";
import { storeConnection } from "@/server/salesforce/store-connection";
import { runBackupCommand, runRestoreCommand } from "./commands/backup-command";

/*
 * `backup` and `restore` as an operator runs them: JSON on stdout, the rest on stderr, the exit
 * code. A few runs are real processes (`npm run tandem -- …`: the exit code, what reaches stdout
 * and stderr, --help); the others call the commands in this process, which is what those run.
 */

const root = process.cwd();
const SERVER_SECRET = "the-backed-up-server-secret";
const kind = testDatabaseKind();
let source: TTestDatabase;
let dir: string;

function runCli(args: string[], env: Record<string, string | undefined>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(
      process.execPath,
      [
        join(root, "node_modules", "tsx", "dist", "cli.mjs"),
        "--tsconfig",
        join(root, "tsconfig.json"),
        join(root, "server", "cli", "main.ts"),
        ...args,
      ],
      { cwd: dir, env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "test", ...env } },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

const sourceEnv = () =>
  kind === "sqld"
    ? { DATABASE_URL: inject("sqld").url, DATABASE_AUTH_TOKEN: inject("sqld").authToken, AUTH_SECRET: SERVER_SECRET }
    : { DATABASE_URL: source.url, AUTH_SECRET: SERVER_SECRET };
const restoredEnv = { DATABASE_URL: "file:./restored.db", AUTH_SECRET: SERVER_SECRET };
const restoredConfig = (): TDatabaseConfig => ({ url: `file:${join(dir, "restored.db")}` });
/** The same database for a command run in this process, whose working directory is not `dir`. */
const restoredEnvHere = () => ({ ...restoredEnv, DATABASE_URL: restoredConfig().url });
const redact = (url: string) => url;

/** A command run in this process: what it printed on stdout and stderr, or what it threw. */
async function runInProcess(
  command: typeof runBackupCommand,
  args: string[],
  env: Record<string, string | undefined>,
): Promise<{ stdout: string; stderr: string; error: unknown }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((...parts: unknown[]) => stdout.push(parts.join(" ")));
  const error = vi.spyOn(console, "error").mockImplementation((...parts: unknown[]) => stderr.push(parts.join(" ")));
  try {
    await command(args, redact, readEnv({ NODE_ENV: "test", ...env }));
    return { stdout: stdout.join("\n"), stderr: stderr.join("\n"), error: null };
  } catch (thrown) {
    return { stdout: stdout.join("\n"), stderr: stderr.join("\n"), error: thrown };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

async function exportsOf(config: TDatabaseConfig) {
  const handle = openDatabase(config);
  try {
    const exported: Record<string, unknown> = {};
    for (const exportKind of EXPORT_KINDS) exported[exportKind] = await exportRows(handle.db, exportKind);
    return exported;
  } finally {
    handle.client.close();
  }
}

async function restoredContent() {
  const restored = openDatabase({ url: `file:${join(dir, "restored.db")}` });
  try {
    return await readDatabaseContent(restored.client);
  } finally {
    restored.client.close();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "tandem-backup-cli-"));
  source = await createTestDatabase();
  const { db } = source;
  await storeConnection(
    db,
    {
      environment: "custom",
      loginUrl: "https://acme.my.salesforce.com",
      instanceUrl: "https://acme.my.salesforce.com",
      orgId: "00D000000000001AAA",
      userId: "005000000000001AAA",
      refreshToken: "refresh-token",
      accessToken: "access-token",
    },
    Date.now(),
    readEnv({ AUTH_SECRET: SERVER_SECRET }),
  );
  const [account] = await insertAccounts(db, [{ name: "Acme Rockets", website: "acme.example" }]);
  await insertPeople(db, [
    { name: "Ada Lovelace", email: "ada@acme.example", accountSfId: account!.sfId },
    { name: "Lee Lead", kind: "lead", company: "Vandelay" },
  ]);
  await insertOpportunities(db, [{ name: "Acme deal", accountSfId: account!.sfId }]);
  await insertProspect(db, { kind: "person", name: "Grace Hopper", email: "grace@navy.example" });
}, 60_000);
afterAll(async () => {
  await source?.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

describe(`npm run tandem -- backup / restore on ${kind}`, () => {
  it("backs up (a real run: exit 0, JSON on stdout), restores into an empty database, and every export is the same afterwards", async () => {
    const backup = await runCli(["backup", "workspace.backup"], sourceEnv());
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stderr).toContain("Backing up");
    expect(backup.stderr).toContain("Keep it as safe as the database.");
    const summary = JSON.parse(backup.stdout) as Record<string, unknown>;
    const tables = (
      await source.client.execute(
        "SELECT COUNT(*) AS n FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
      )
    ).rows[0]!.n;
    expect(summary).toMatchObject({
      file: join(dir, "workspace.backup"),
      format: kind === "file" ? "sqlite" : "sql",
      // Every table with rows of its own: the search index's shadow tables are not carried.
      tables: Number(tables),
    });
    expect(summary.rows).toBeGreaterThan(10);
    expect(summary.bytes).toBeGreaterThan(0);
    expect(summary.durationMs).toBeGreaterThanOrEqual(0);

    const restore = await runInProcess(runRestoreCommand, [join(dir, "workspace.backup")], restoredEnvHere());
    expect(restore.error).toBeNull();
    expect(JSON.parse(restore.stdout)).toMatchObject({
      format: summary.format,
      tables: summary.tables,
      rows: summary.rows,
      replaced: [],
      migrations: { backup: journal.entries.length, known: journal.entries.length, newer: false },
      salesforceTokens: "readable",
    });
    expect(restore.stderr).toContain(`The database is at this version's migration level (${journal.entries.length}).`);
    expect(restore.stderr).not.toContain("Warning");

    const sourceConfig =
      kind === "sqld" ? { url: source.url, authToken: inject("sqld").authToken } : { url: source.url };
    const before = await exportsOf(sourceConfig);
    expect(Object.values(before).every((rows) => Array.isArray(rows) && rows.length > 0)).toBe(true);
    expect(await exportsOf(restoredConfig())).toEqual(before);
  }, 60_000);

  it("refuses to restore into the database that now holds data (a real run: exit 1, nothing on stdout), says what it found and what to do", async () => {
    const before = await restoredContent();
    const refused = await runCli(["restore", "workspace.backup"], restoredEnv);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe("");
    // Only the workspace's data: not the migrations, not the search index's copies of the people.
    expect(refused.stderr).toMatch(/The database to restore into is not empty: it has rows in .*crm_people \(2\)/);
    expect(refused.stderr).not.toMatch(/people_search|__drizzle_migrations/);
    expect(refused.stderr).toContain("run it again with --force");
    expect(await restoredContent()).toEqual(before);
  }, 60_000);

  it("with --force and another server's secret, replaces the content and warns that Salesforce must be connected again", async () => {
    const forced = await runInProcess(runRestoreCommand, [join(dir, "workspace.backup"), "--force"], {
      ...restoredEnvHere(),
      AUTH_SECRET: "a-different-secret",
    });
    expect(forced.error).toBeNull();
    const summary = JSON.parse(forced.stdout) as { replaced: unknown[] };
    expect(summary).toMatchObject({ salesforceTokens: "unreadable" });
    expect(summary.replaced).toContainEqual({ table: "crm_people", rows: 2 });
    expect(summary.replaced).not.toContainEqual(expect.objectContaining({ table: "people_search_docs" }));
    expect(forced.stderr).toContain(
      "Warning: the sealed secrets of this backup (the Salesforce connection) do not open with this shell's AUTH_SECRET",
    );
    expect(forced.stderr).toContain("connect Salesforce again (Settings → Salesforce)");

    // The backup's own secret opens them: no warning.
    const same = await runInProcess(runRestoreCommand, [join(dir, "workspace.backup"), "--force"], {
      ...restoredEnvHere(),
    });
    expect(JSON.parse(same.stdout)).toMatchObject({ salesforceTokens: "readable" });
  }, 60_000);

  it("refuses to overwrite an existing backup file; a missing FILE or an unknown --format is a usage error that says what to write", async () => {
    const env = sourceEnv();
    writeFileSync(join(dir, "taken.backup"), "keep");
    const taken = await runInProcess(runBackupCommand, [join(dir, "taken.backup")], env);
    expect(String(taken.error)).toContain("taken.backup already exists, and a backup never overwrites a file");
    expect(taken.stdout).toBe("");
    expect(readFileSync(join(dir, "taken.backup"), "utf8")).toBe("keep");

    const missing = await runInProcess(runBackupCommand, [], env);
    expect(String(missing.error)).toContain("Say where to write the backup: backup FILE [--format sqlite|sql].");
    const format = await runInProcess(runBackupCommand, [join(dir, "x.backup"), "--format", "zip"], env);
    expect(String(format.error)).toContain("--format is sqlite (a SQLite file, file: databases only) or sql");
    const noFile = await runInProcess(runRestoreCommand, [], restoredEnvHere());
    expect(String(noFile.error)).toContain("Say which backup to restore: restore FILE [--force].");
    const absent = await runInProcess(runRestoreCommand, [join(dir, "absent.backup")], restoredEnvHere());
    expect(String(absent.error)).toMatch(/There is no file .*absent\.backup\. Check the name\./);
  });

  it("--help lists backup and restore", async () => {
    const help = await runCli(["--help"], {});
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^ {2}backup FILE \[--format sqlite\|sql\]$/m);
    expect(help.stdout).toMatch(/^ {2}restore FILE \[--force\] {2,}\S/m);
  }, 60_000);
});
