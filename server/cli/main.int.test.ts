import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { createTestDatabase, testDatabaseKind, type TTestDatabase } from "@/db/testing/test-database";
import { readEnv } from "@/server/env";
import { storeConnection } from "@/server/salesforce/store-connection";
import type { TDatabase } from "@/db/client";

const root = process.cwd();
const SERVER_SECRET = "the-server-secret-0123456789";
let database: TTestDatabase;
let workDir: string;

function connect(db: TDatabase) {
  return storeConnection(
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
}

/** Runs `npm run tandem -- …` from `cwd` (so its data/ is cwd/data) with only the given env. */
function runCli(cwd: string, args: string[], env: Record<string, string | undefined>) {
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

function databaseEnv(): Record<string, string | undefined> {
  return testDatabaseKind() === "sqld"
    ? { DATABASE_URL: inject("sqld").url, DATABASE_AUTH_TOKEN: inject("sqld").authToken }
    : { DATABASE_URL: database.url };
}

beforeAll(async () => {
  database = await createTestDatabase();
  await connect(database.db);
  workDir = mkdtempSync(join(tmpdir(), "tandem-cli-"));
});
afterAll(async () => {
  await database?.cleanup();
  rmSync(workDir, { recursive: true, force: true });
});

describe(`the CLI's secret on ${testDatabaseKind()}`, () => {
  it("without AUTH_SECRET, a command on a connected database fails naming it and writes no secret", async () => {
    const result = await runCli(workDir, ["status", "--json"], databaseEnv());
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("set AUTH_SECRET");
    expect(result.stdout).toBe("");
    expect(existsSync(join(workDir, "data", "auth-secret"))).toBe(false);
  });

  it("with AUTH_SECRET, the same command runs", async () => {
    const result = await runCli(workDir, ["status", "--json"], { ...databaseEnv(), AUTH_SECRET: SERVER_SECRET });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ connected: true });
  });

  it("the demo's database reads the data/auth-secret it already has", async () => {
    const demoDir = mkdtempSync(join(tmpdir(), "tandem-demo-"));
    try {
      mkdirSync(join(demoDir, "data"));
      writeFileSync(join(demoDir, "data", "auth-secret"), `${SERVER_SECRET}\n`);
      const demo = openDatabase({ url: `file:${join(demoDir, "data", "tandem.db")}` });
      await migrateDatabase(demo);
      await connect(demo.db);
      demo.client.close();
      const result = await runCli(demoDir, ["status", "--json"], { DATABASE_URL: "file:./data/tandem.db" });
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
    } finally {
      rmSync(demoDir, { recursive: true, force: true });
    }
  });
});
