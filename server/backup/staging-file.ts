import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, rmSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Client } from "@libsql/client";
import { openBackupClient } from "./open-backup-client";

/*
 * Where a restore into a `file:` database stages the backup's rows: a hidden scratch file beside
 * the target (same disk, so the swap's copy is local), attached only for the swap.
 */

const INFIX = ".restore-";

export function stagingFileBeside(targetPath: string): string {
  const target = resolve(targetPath);
  return join(dirname(target), `.${basename(target)}${INFIX}${randomBytes(6).toString("hex")}`);
}

/** Scratch rows: no journal, no sync to disk; a crash loses only the file, deleted anyway. */
export async function openStagingFile(path: string): Promise<Client> {
  const client = openBackupClient({ url: pathToFileURL(path).href });
  await client.execute("PRAGMA journal_mode = OFF");
  await client.execute("PRAGMA synchronous = OFF");
  return client;
}

export function removeStagingFile(path: string): void {
  for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(`${path}${suffix}`, { force: true });
}

/** What a restore that was killed before its end left beside the target. */
export function removeLeftStagingFiles(targetPath: string): void {
  const target = resolve(targetPath);
  const prefix = `.${basename(target)}${INFIX}`;
  if (!existsSync(dirname(target))) return;
  for (const name of readdirSync(dirname(target))) {
    if (name.startsWith(prefix)) rmSync(join(dirname(target), name), { force: true });
  }
}
