import { readFile, writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import type { TDatabaseHandle } from "@/db/client";
import { AppError } from "@/server/errors";
import {
  exportWorkspaceSettings,
  formatWorkspaceSettings,
  importWorkspaceSettings,
} from "@/server/settings/workspace-settings";

/**
 * `settings export [--out FILE]` prints the workspace's sync settings as one JSON document (or
 * writes it to FILE); `settings import FILE [--dry-run]` applies such a document and prints
 * `{ changed, dryRun }`.
 */
export async function runSettingsCommand(
  args: string[],
  openDb: () => Promise<Pick<TDatabaseHandle, "db" | "client">>,
): Promise<void> {
  const [action, ...rest] = args;
  if (action === "export") return runSettingsExport(rest, openDb);
  if (action === "import") return runSettingsImport(rest, openDb);
  throw new AppError(
    "BAD_REQUEST",
    "Say what to do with the settings: export [--out FILE] or import FILE [--dry-run].",
  );
}

async function runSettingsExport(args: string[], openDb: () => Promise<Pick<TDatabaseHandle, "db" | "client">>) {
  const { values } = parseArgs({ args, options: { out: { type: "string" } }, strict: true });
  const handle = await openDb();
  try {
    const text = formatWorkspaceSettings(await exportWorkspaceSettings(handle.db));
    if (values.out === undefined) {
      process.stdout.write(text);
      return;
    }
    await writeFile(values.out, text);
    console.error(`Wrote the workspace settings to ${values.out}.`);
  } finally {
    handle.client.close();
  }
}

async function runSettingsImport(args: string[], openDb: () => Promise<Pick<TDatabaseHandle, "db" | "client">>) {
  const { values, positionals } = parseArgs({
    args,
    options: { "dry-run": { type: "boolean", default: false } },
    allowPositionals: true,
    strict: true,
  });
  const [file, ...more] = positionals;
  if (file === undefined || more.length) {
    throw new AppError("BAD_REQUEST", "Name one settings file to import: settings import FILE [--dry-run].");
  }
  const document = await readJsonFile(file);
  const handle = await openDb();
  try {
    const result = await importWorkspaceSettings(handle.db, document, { dryRun: values["dry-run"] });
    console.log(JSON.stringify(result, null, 2));
    const count = `${result.changed.length} setting${result.changed.length === 1 ? "" : "s"}`;
    console.error(
      result.dryRun
        ? `Dry run: ${count} would change; nothing was written.`
        : result.changed.length
          ? `Changed ${count}.`
          : "Nothing to change: the settings already match the file.",
    );
  } finally {
    handle.client.close();
  }
}

async function readJsonFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const missing = error instanceof Error && "code" in error && error.code === "ENOENT";
    throw new AppError(
      "BAD_REQUEST",
      missing
        ? `${file} does not exist.`
        : `Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new AppError(
      "BAD_REQUEST",
      `${file} is not valid JSON (${error instanceof Error ? error.message : String(error)}). Nothing changed.`,
    );
  }
}
