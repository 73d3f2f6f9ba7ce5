import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { decideCliAuthSecret, isLocalDataDatabase, loadOrCreateLocalSecret } from "./local-secrets";

const dirs: string[] = [];
function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), "tandem-secrets-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("which secret a CLI command uses", () => {
  it.each([
    {
      name: "AUTH_SECRET wins",
      input: { envSecret: "env", localSecret: "file", needsSecret: true },
      expected: { secret: "env" },
    },
    {
      name: "the demo's data/auth-secret",
      input: { localSecret: "file", needsSecret: true },
      expected: { secret: "file" },
    },
    {
      name: "none needed without a connection",
      input: { localSecret: null, needsSecret: false },
      expected: { secret: null },
    },
    {
      name: "none needed when TANDEM_ENCRYPTION_KEY seals the tokens",
      input: { encryptionKey: "key", localSecret: null, needsSecret: true },
      expected: { secret: null },
    },
  ])("$name", ({ input, expected }) => {
    expect(decideCliAuthSecret(input)).toEqual(expected);
  });

  it("refuses, naming AUTH_SECRET, when a connection needs the secret and none is set", () => {
    const decision = decideCliAuthSecret({ localSecret: null, needsSecret: true });
    expect(decision).toEqual({ problem: expect.stringContaining("set AUTH_SECRET") });
  });

  it.each([
    { url: "file:./data/tandem.db", dataDir: join(process.cwd(), "data"), expected: true },
    { url: `file:${join(process.cwd(), "data", "tandem.db")}`, dataDir: join(process.cwd(), "data"), expected: true },
    { url: "file:./elsewhere/tandem.db", dataDir: join(process.cwd(), "data"), expected: false },
    { url: "file:./data/../tandem.db", dataDir: join(process.cwd(), "data"), expected: false },
    { url: "libsql://tandem-acme.turso.io", dataDir: join(process.cwd(), "data"), expected: false },
  ])("$url is in the local data directory: $expected", ({ url, dataDir, expected }) => {
    expect(isLocalDataDatabase(url, dataDir)).toBe(expected);
  });
});

describe("secrets generated into data/", () => {
  it("writes a new secret only where there is no setup, and reads it back afterwards", () => {
    const dir = tempDir();
    const secret = loadOrCreateLocalSecret("auth-secret", undefined, dir);
    expect(readFileSync(join(dir, "auth-secret"), "utf8").trim()).toBe(secret);
    expect(loadOrCreateLocalSecret("auth-secret", undefined, dir, { existingSetup: true })).toBe(secret);
  });

  it("never writes a new secret over an existing setup", () => {
    const dir = tempDir();
    expect(() => loadOrCreateLocalSecret("auth-secret", undefined, dir, { existingSetup: true })).toThrow(
      /set AUTH_SECRET/,
    );
    expect(existsSync(join(dir, "auth-secret"))).toBe(false);
  });

  it("never replaces an existing file", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "auth-secret"), "kept\n");
    expect(loadOrCreateLocalSecret("auth-secret", undefined, dir)).toBe("kept");
    expect(readFileSync(join(dir, "auth-secret"), "utf8")).toBe("kept\n");
  });
});
