import { createHash } from "node:crypto";
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const SOURCE_DIRECTORIES = ["app", "components", "db", "server", "public"];
const SOURCE_FILES = [
  "next.config.ts",
  "package-lock.json",
  "postcss.config.mjs",
  "tsconfig.json",
  "instrumentation.ts",
];

function collect(path: string, into: string[]) {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return;
  }
  if (stats.isDirectory()) {
    for (const entry of readdirSync(path)) {
      if (entry === "node_modules" || entry.startsWith(".")) continue;
      collect(join(path, entry), into);
    }
  } else {
    into.push(`${path}:${stats.size}:${stats.mtimeMs}`);
  }
}

/** Changes whenever a file that goes into `next build` changes, so the demo rebuilds only then. */
export function computeBuildFingerprint(root: string): string {
  const entries: string[] = [];
  for (const name of [...SOURCE_DIRECTORIES, ...SOURCE_FILES]) collect(join(root, name), entries);
  return createHash("sha256").update(entries.sort().join("\n")).digest("hex");
}

/**
 * Runs `next build` unless the last build (recorded in .next/) came from the same sources.
 * Returns whether it built.
 */
export async function ensureBuilt(root: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  const stampFile = join(root, ".next", "tandem-build-stamp");
  const fingerprint = computeBuildFingerprint(root);
  const upToDate =
    existsSync(join(root, ".next", "BUILD_ID")) &&
    existsSync(stampFile) &&
    readFileSync(stampFile, "utf8") === fingerprint;
  if (upToDate) return false;
  await runNext(root, ["build"], env);
  writeFileSync(stampFile, fingerprint);
  return true;
}

export function nextBinary(root: string) {
  return join(root, "node_modules", "next", "dist", "bin", "next");
}

function runNext(root: string, args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [nextBinary(root), ...args], { stdio: "inherit", env });
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`next ${args.join(" ")} exited with code ${code}`)),
    );
  });
}
