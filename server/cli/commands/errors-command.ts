import { parseArgs } from "node:util";
import type { TDatabaseHandle } from "@/db/client";
import { AppError } from "@/server/errors";
import {
  ERROR_STATE_FILTERS,
  type TErrorStateFilter,
  type TErrorTarget,
  type TErrorViewer,
  type TPushErrorRow,
} from "@/server/push-errors/push-error-schemas";
import { allowServerOnly } from "../server-only";

type TOpenDb = () => Promise<Pick<TDatabaseHandle, "db" | "client">>;

/** The command line acts as an admin would: it sees and retries every error. */
const CLI_VIEWER: TErrorViewer = { userId: "cli", role: "admin" };

/** One error as `errors list --json` prints it. */
export type TCliPushError = {
  id: string;
  at: string;
  object: string;
  operation: TPushErrorRow["operation"];
  record: { type: TPushErrorRow["record"]["type"]; id: string; name: string };
  code: string;
  message: string;
  fields: string[];
  attempts: number;
  state: TPushErrorRow["state"];
  hint: TPushErrorRow["hint"];
};

/**
 * `errors list [--json] [--state open|resolved|dismissed|all] [--object O] [--code C]`: the error
 * log (ERR-1), newest first; "open" (the default) also holds errors being retried.
 * `errors retry (ID… | --code C | --all)`: puts the failed pushes back in the queue and prints
 * `{ retried }`; the next sync sends them.
 */
export async function runErrorsCommand(args: string[], openDb: TOpenDb): Promise<void> {
  const [action, ...rest] = args;
  if (action === "list") return runErrorsList(rest, openDb);
  if (action === "retry") return runErrorsRetry(rest, openDb);
  throw new AppError(
    "BAD_REQUEST",
    "Say what to do with the push errors: list [--json] [--state open|resolved|dismissed|all] or retry (ID… | --code CODE | --all).",
  );
}

async function loadErrorModules() {
  allowServerOnly();
  const [{ listPushErrors }, { retryPushErrors }] = await Promise.all([
    import("@/server/push-errors/list-push-errors"),
    import("@/server/push-errors/retry-push-errors"),
  ]);
  return { listPushErrors, retryPushErrors };
}

async function runErrorsList(args: string[], openDb: TOpenDb) {
  const { values } = parseArgs({
    args,
    options: {
      json: { type: "boolean", default: false },
      state: { type: "string", default: "open" },
      object: { type: "string" },
      code: { type: "string" },
    },
    strict: true,
  });
  const state = values.state as TErrorStateFilter;
  if (!ERROR_STATE_FILTERS.includes(state)) {
    throw new AppError("BAD_REQUEST", `--state is one of ${ERROR_STATE_FILTERS.join(", ")}.`);
  }
  const { listPushErrors } = await loadErrorModules();
  const handle = await openDb();
  try {
    const rows: TPushErrorRow[] = [];
    for (let page = 1; ; page++) {
      const list = await listPushErrors(handle.db, CLI_VIEWER, {
        state,
        object: values.object,
        code: values.code,
        page,
        pageSize: 100,
      });
      rows.push(...list.rows);
      if (rows.length >= list.total || list.rows.length === 0) break;
    }
    if (values.json) {
      console.log(JSON.stringify(rows.map(toCliError), null, 2));
      return;
    }
    console.log(describeErrors(rows, state));
  } finally {
    handle.client.close();
  }
}

async function runErrorsRetry(args: string[], openDb: TOpenDb) {
  const { values, positionals } = parseArgs({
    args,
    options: { all: { type: "boolean", default: false }, code: { type: "string" } },
    allowPositionals: true,
    strict: true,
  });
  const chosen = [positionals.length > 0, values.all, values.code !== undefined].filter(Boolean).length;
  if (chosen !== 1) {
    throw new AppError(
      "BAD_REQUEST",
      "Say which errors to retry: their ids (errors list shows them), --code CODE, or --all.",
    );
  }
  const target: TErrorTarget = values.all
    ? { all: true }
    : values.code !== undefined
      ? { code: values.code }
      : { ids: positionals };
  const { retryPushErrors } = await loadErrorModules();
  const handle = await openDb();
  try {
    const result = await retryPushErrors(handle.db, CLI_VIEWER, target, Date.now());
    console.log(JSON.stringify({ retried: result.retried }, null, 2));
    const pushes = (count: number) => `${count} push${count === 1 ? "" : "es"}`;
    console.error(
      (result.retried > 0
        ? `Queued ${pushes(result.retried)} again; the next sync (npm run tandem -- sync) sends them.`
        : "Nothing was queued again.") +
        (result.skipped > 0 ? ` Skipped ${result.skipped}: already being retried, or resolved.` : ""),
    );
  } finally {
    handle.client.close();
  }
}

export function toCliError(row: TPushErrorRow): TCliPushError {
  return {
    id: row.id,
    at: new Date(row.at).toISOString(),
    object: row.object,
    operation: row.operation,
    record: { type: row.record.type, id: row.record.id, name: row.record.name },
    code: row.code,
    message: row.message,
    fields: row.fields,
    attempts: row.attempts,
    state: row.state,
    hint: row.hint,
  };
}

const STATE_WORDS: Record<TErrorStateFilter, string> = {
  open: "open",
  resolved: "resolved",
  dismissed: "dismissed",
  all: "",
};

/** A table of the errors, each followed by Salesforce's message and the fix in words. */
function describeErrors(rows: TPushErrorRow[], state: TErrorStateFilter): string {
  if (rows.length === 0) {
    return state === "open"
      ? "No open push errors. Everything Tandem sent reached Salesforce."
      : `No ${STATE_WORDS[state] ? `${STATE_WORDS[state]} ` : ""}push errors.`;
  }
  const header = ["WHEN", "OBJECT", "OPERATION", "RECORD", "CODE", "ATTEMPTS", "STATE", "ID"];
  const cells = rows.map((row) => [
    new Date(row.at).toISOString().slice(0, 16).replace("T", " "),
    row.object,
    row.operation,
    truncate(row.record.name, 32),
    row.code,
    String(row.attempts),
    row.state,
    row.id,
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((cell) => cell[column]!.length)));
  const line = (values: string[]) =>
    values
      .map((value, column) => value.padEnd(widths[column]!))
      .join("  ")
      .trimEnd();
  const lines = [line(header)];
  rows.forEach((row, index) => {
    lines.push(line(cells[index]!));
    lines.push(`    Salesforce: ${row.message}${row.fields.length ? ` (fields: ${row.fields.join(", ")})` : ""}`);
    lines.push(`    Fix: ${row.hint.fix}`);
  });
  const count = `${rows.length} ${STATE_WORDS[state] ? `${STATE_WORDS[state]} ` : ""}push error${rows.length === 1 ? "" : "s"}`;
  return `${lines.join("\n")}\n\n${count}. Retry with: npm run tandem -- errors retry ID… (or --code CODE, or --all)`;
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
