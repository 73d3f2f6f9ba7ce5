import { randomBytes } from "node:crypto";
import { existsSync, linkSync, renameSync, rmSync } from "node:fs";
import { open } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { AppError } from "@/server/errors";

/**
 * Writes a file that must not exist yet, so that a backup never replaces another one and a failed
 * or killed backup never leaves a partial file under the name asked for: `write` fills a hidden
 * temporary file beside it (same directory, same file system), which is flushed to disk and then
 * linked to the final name — a link fails if the name was taken meanwhile, where a rename would
 * overwrite it.
 */
export async function writeNewFile<T>(file: string, write: (temporaryPath: string) => Promise<T>): Promise<T> {
  const target = resolve(file);
  refuseExisting(target);
  if (!existsSync(dirname(target))) {
    throw new AppError(
      "BAD_REQUEST",
      `The folder ${dirname(target)} does not exist: create it, or choose another place.`,
    );
  }
  const temporary = join(dirname(target), `.${basename(target)}.partial-${randomBytes(6).toString("hex")}`);
  try {
    const result = await write(temporary);
    await flushToDisk(temporary);
    publish(temporary, target);
    return result;
  } finally {
    rmSync(temporary, { force: true });
  }
}

function refuseExisting(target: string) {
  if (existsSync(target)) {
    throw new AppError(
      "CONFLICT",
      `${target} already exists, and a backup never overwrites a file. Choose another name, or delete that file first.`,
    );
  }
}

async function flushToDisk(path: string) {
  const handle = await open(path, "r+");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function publish(temporary: string, target: string) {
  try {
    linkSync(temporary, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") refuseExisting(target);
    // A file system without hard links: check, then rename (the temporary name is ours alone).
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP") throw error;
    refuseExisting(target);
    renameSync(temporary, target);
  }
}
