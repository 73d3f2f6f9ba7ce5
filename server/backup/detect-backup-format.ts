import { open } from "node:fs/promises";
import { AppError } from "@/server/errors";
import type { TBackupFormat } from "./backup-types";
import { DUMP_FIRST_LINE_PREFIX } from "./dump-format";

const SQLITE_HEADER = Buffer.from("SQLite format 3\0", "latin1");

/** Which format a backup file is in, from its first bytes: SQLite's file header, or the dump's first line. */
export async function detectBackupFormat(path: string): Promise<TBackupFormat> {
  let handle;
  try {
    handle = await open(path, "r");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new AppError(
      code === "ENOENT" ? "NOT_FOUND" : "BAD_REQUEST",
      code === "ENOENT" ? `There is no file ${path}. Check the name.` : `${path} cannot be read (${code}).`,
    );
  }
  try {
    const start = Buffer.alloc(SQLITE_HEADER.length);
    const { bytesRead } = await handle.read(start, 0, start.length, 0);
    if (bytesRead === SQLITE_HEADER.length && start.equals(SQLITE_HEADER)) return "sqlite";
    if (start.subarray(0, bytesRead).toString("utf8").startsWith(DUMP_FIRST_LINE_PREFIX)) return "sql";
    throw new AppError(
      "BAD_REQUEST",
      `${path} is not a Tandem backup: it starts with neither a SQLite header nor "${DUMP_FIRST_LINE_PREFIX.trim()}".`,
    );
  } finally {
    await handle.close();
  }
}
