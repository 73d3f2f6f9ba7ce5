import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { prospectImports, prospects, settings } from "@/db/schema";
import { createTestDatabase, testDatabaseKind, type TTestDatabase } from "@/db/testing/test-database";

const root = process.cwd();
let database: TTestDatabase;
let workDir: string;

/** Runs `npm run tandem -- …` from the work directory (or `cwd`) against the test database. */
function runCli(args: string[], cwd = workDir) {
  const env =
    testDatabaseKind() === "sqld"
      ? { DATABASE_URL: inject("sqld").url, DATABASE_AUTH_TOKEN: inject("sqld").authToken }
      : { DATABASE_URL: database.url };
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
      {
        cwd,
        env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "test", ...env },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

function storedSettings() {
  return database.db.select().from(settings).orderBy(settings.key);
}

beforeAll(async () => {
  database = await createTestDatabase();
  workDir = mkdtempSync(join(tmpdir(), "tandem-cli-settings-"));
});
afterAll(async () => {
  await database?.cleanup();
  rmSync(workDir, { recursive: true, force: true });
});

// Each command starts a Node process that loads the whole CLI: a few seconds apiece. These run on
// the file database only: the commands reach the database through the same client as every other
// command, and server/cli/main.int.test.ts runs the CLI against sqld.
const describeOnFile = testDatabaseKind() === "sqld" ? describe.skip : describe;

describeOnFile(`settings export and import from the shell on ${testDatabaseKind()}`, { timeout: 60_000 }, () => {
  it("exports to a file, imports an edited copy, and exports exactly that copy again", async () => {
    const file = join(workDir, "settings.json");
    const written = await runCli(["settings", "export", "--out", file]);
    expect(written).toMatchObject({ code: 0, stdout: "" });
    expect(written.stderr).toContain(file);

    const printed = await runCli(["settings", "export"]);
    expect(printed.code).toBe(0);
    expect(printed.stdout).toBe(readFileSync(file, "utf8"));

    const edited = JSON.parse(printed.stdout) as {
      pull: { visible: Record<string, boolean> };
      push: { people: { enabled: boolean; as: string }; notes: { enabled: boolean } };
    };
    edited.pull.visible.Opportunity = false;
    edited.push.people = { enabled: true, as: "Lead" };
    edited.push.notes.enabled = true;
    const editedFile = join(workDir, "edited.json");
    writeFileSync(editedFile, `${JSON.stringify(edited, null, 2)}\n`);

    const imported = await runCli(["settings", "import", editedFile]);
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toEqual({
      changed: ["pull.visible.Opportunity", "push.people.enabled", "push.people.as", "push.notes.enabled"],
      dryRun: false,
    });

    const after = await runCli(["settings", "export"]);
    expect(after.stdout).toBe(readFileSync(editedFile, "utf8"));
  });

  it("a dry run prints what would change and writes nothing", async () => {
    const before = await storedSettings();
    const file = join(workDir, "partial.json");
    writeFileSync(file, JSON.stringify({ push: { people: { enabled: false }, tasks: { enabled: true } } }));
    const result = await runCli(["settings", "import", file, "--dry-run"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ changed: ["push.people.enabled", "push.tasks.enabled"], dryRun: true });
    expect(await storedSettings()).toEqual(before);
  });

  it("a bad document exits 1 with every problem on stderr and changes nothing", async () => {
    const before = await storedSettings();
    const file = join(workDir, "bad.json");
    writeFileSync(file, JSON.stringify({ push: { peple: { enabled: true }, people: { as: "Account" } } }));
    const result = await runCli(["settings", "import", file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("push.peple: unknown key; expected one of people, accounts");
    expect(result.stderr).toContain("push.people.as: ");
    expect(await storedSettings()).toEqual(before);
  });

  it("a file that is not JSON exits 1 and changes nothing", async () => {
    const before = await storedSettings();
    const file = join(workDir, "broken.json");
    writeFileSync(file, "{ push:");
    const result = await runCli(["settings", "import", file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("is not valid JSON");
    expect(await storedSettings()).toEqual(before);
  });
});

describeOnFile(`importing a CSV from the shell on ${testDatabaseKind()}`, { timeout: 60_000 }, () => {
  const csv = [
    "First Name,Last Name,Email,Company",
    "Jane,Doe,jane@acme.example,Acme",
    "Max,Power,max at globex,Globex",
    "Ann,Lee,ann@initech.example,Initech",
  ].join("\n");

  it("imports people and prints the counts with the bad row's report", async () => {
    const file = join(workDir, "people.csv");
    writeFileSync(file, csv);
    const result = await runCli(["import", "people", file]);
    expect(result.stderr).toContain("Imported 2 of 3 rows");
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      total: 3,
      imported: 2,
      bad: 1,
      inCrm: 0,
      report: [
        {
          line: 3,
          reason: '"max at globex" is not a valid email address.',
          values: { "First Name": "Max", "Last Name": "Power", Email: "max at globex", Company: "Globex" },
        },
      ],
    });
    const rows = await database.db.select({ name: prospects.name }).from(prospects).orderBy(prospects.name);
    expect(rows.map((row) => row.name)).toEqual(["Ann Lee", "Jane Doe"]);
    const [record] = await database.db.select().from(prospectImports);
    expect(record).toMatchObject({ fileName: "people.csv", kind: "person", createdBy: "cli" });
  });

  it("--map sets the named columns; an unknown field is refused naming the valid ones", async () => {
    const file = join(workDir, "companies.csv");
    writeFileSync(file, "Org,Site\nGlobex,globex.example\n");
    const refused = await runCli(["import", "companies", file, "--map", "Org=company"]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe("");
    expect(refused.stderr).toContain('"company" is not a field for companies');
    expect(refused.stderr).toContain("name, website, phone");

    const mapped = await runCli(["import", "companies", file, "--map", "Org=name"]);
    expect(mapped.code).toBe(0);
    expect(JSON.parse(mapped.stdout)).toMatchObject({ total: 1, imported: 1, bad: 0, report: [] });
  });

  it("import sample loads samples/ from where it runs, companies and people; a second run adds nothing", async () => {
    const loaded = await runCli(["import", "sample"], root);
    expect(loaded.code, loaded.stderr).toBe(0);
    expect(JSON.parse(loaded.stdout)).toEqual({
      people: { total: 1000, imported: 1000, bad: 0, inCrm: 0 },
      companies: { total: 200, imported: 200, bad: 0, inCrm: 0 },
    });
    const files = await database.db.select({ fileName: prospectImports.fileName }).from(prospectImports);
    expect(files.map((row) => row.fileName)).toEqual(
      expect.arrayContaining(["Sample prospects (companies).csv", "Sample prospects (people).csv"]),
    );

    const again = await runCli(["import", "sample"], root);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual({
      people: { total: 1000, imported: 0, bad: 1000, inCrm: 0 },
      companies: { total: 200, imported: 0, bad: 200, inCrm: 0 },
    });
  });
});

describeOnFile(`prospects add-to-crm from the shell on ${testDatabaseKind()}`, { timeout: 60_000 }, () => {
  it("adds imported people to the CRM as leads and prints the contract's counts; a second run finds them in", async () => {
    const csv = join(workDir, "crm-people.csv");
    writeFileSync(
      csv,
      "first_name,last_name,email,company\nGrace,Hopper,grace@navy.example,Navy\nAlan,Turing,alan@bletchley.example,Bletchley\n",
    );
    const imported = await runCli(["import", "people", csv]);
    expect(imported.code, imported.stderr).toBe(0);
    const ids = (await database.db.select({ id: prospects.id, email: prospects.email }).from(prospects))
      .filter(
        (row) =>
          row.email?.endsWith(".example") && ["grace@navy.example", "alan@bletchley.example"].includes(row.email),
      )
      .map((row) => row.id);
    expect(ids).toHaveLength(2);

    const added = await runCli(["prospects", "add-to-crm", "--ids", ids.join(","), "--as", "lead"]);
    expect(added.code, added.stderr).toBe(0);
    expect(JSON.parse(added.stdout)).toEqual({ created: 2, skipped: 0, alreadyInCrm: 0 });
    const again = await runCli(["prospects", "add-to-crm", "--ids", ids.join(",")]);
    expect(JSON.parse(again.stdout)).toEqual({ created: 0, skipped: 0, alreadyInCrm: 2 });

    const usage = await runCli(["prospects", "add-to-crm", "--all", "--ids", ids[0]!]);
    expect(usage.code).toBe(1);
    expect(usage.stderr).toContain("Give either --all or --ids");
  });
});
