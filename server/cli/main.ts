/**
 * `npm run tandem -- <command>`: operate Tandem from a shell. See USAGE below.
 */
import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { openDatabase, readDatabaseConfig } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { checkDatabase } from "@/db/status";
import { describeHeaderAliases } from "@/server/duplicates/dedupe-csv/header-aliases";
import { getEnv, setEnvDefault } from "@/server/env";
import { isAppError } from "@/server/errors";
import { addUser } from "@/server/users/add-user";
import { ZNewUserSchema } from "@/server/users/schemas";
import { getConnectionRow } from "@/server/salesforce/connection-store";
import { decideCliAuthSecret, isLocalDataDatabase, readLocalSecret } from "./local-secrets";

// Each command loads what it needs when it runs: the engine and jsforce only for `sync`, so the
// other commands start in about half the time.

const USAGE = `Usage: npm run tandem -- <command>

Commands:
  migrate                          Apply database migrations (DATABASE_URL, default file:./data/tandem.db)
  user add --email E --password P --role admin|member [--name N]
                                   Add a person to the team
  sync [--json]                    Run one sync tick now; --json prints the tick summary
  status --json                    Connection, last tick and record counts as JSON
  export <people|accounts|opportunities|prospects> [--format csv|json]
                                   Every row with its Salesforce Id, source and flags (default csv)
  import <people|companies> FILE.csv [--map "Header=field,…"]
                                   Import prospects from a CSV (columns guessed; --map sets some);
                                   prints { total, imported, bad, inCrm, report } as JSON
  import sample                    Load the sample prospects (samples/*.csv; a second load adds nothing);
                                   prints { people: { total, imported, bad, inCrm }, companies: { … } }
  settings export [--out FILE]     The sync settings (pull, push, mapping) as one JSON document
  settings import FILE [--dry-run] Apply such a document (a partial one changes only what it names);
                                   prints { changed, dryRun } as JSON
  prospects add-to-crm (--all | --ids ID,…) [--as contact|lead]
                                   "Add to CRM" in bulk; prints { created, skipped, alreadyInCrm }
  errors list [--json] [--state open|resolved|dismissed|all]
                                   The push error log (open: open and retrying), with a fix for each
  errors retry (ID… | --code CODE | --all)
                                   Send the failed pushes again; prints { retried }
  duplicates list [--json] [--entity people|companies] [--min-score S] [--later]
                                   The potential duplicates (DUP-1), best first, with score and reasons
  duplicates rebuild               Match every record again; prints the counts as JSON
  backup FILE [--format sqlite|sql]
                                   A consistent snapshot of the database into a new FILE (never
                                   overwritten), taken while Tandem runs. sqlite: a SQLite file made
                                   by VACUUM INTO (the default for a file: database); sql: an SQL dump
                                   (the default, and only choice, for a libsql://, http(s):// or ws(s)://
                                   server). Prints { file, format, tables, rows, bytes, durationMs }
  restore FILE [--force]           Load a backup (either format) into the database DATABASE_URL names,
                                   all or nothing. Refuses a database that holds rows unless --force,
                                   which replaces everything in it, and a backup from a newer Tandem.
                                   Run migrate afterwards when the backup is older than this version.
                                   Warns when the backup's Salesforce tokens do not open with this
                                   AUTH_SECRET (or TANDEM_ENCRYPTION_KEY)
  dedupe FILE.csv --kind people|companies [--map "Header=field,…"] [--threshold T] [--out FILE]
                                   Find duplicates in any CSV with Tandem's matcher (no database needed).
                                   Writes every row, in order, with two columns added: cluster_id (the
                                   row number of the cluster's first row, from 1; a row alone has its
                                   own) and match_score (its best pair's score, 0.0000 when alone).
                                   The CSV goes to stdout and a summary to stderr; with --out the CSV
                                   goes to FILE and the summary, as JSON, to stdout.
                                   --threshold T: the probability a pair needs, between 0 and 1
                                   (default: the matcher's own). The separator (, ; or tab) is read from
                                   the header line; a file that is not UTF-8 is read and written as
                                   Latin-1. Short rows are padded; longer rows are reported and cut to
                                   the header's width. Columns are read by header, ignoring case,
                                   spaces and punctuation (First Name = first_name); --map names
                                   others, several columns may feed one field (joined with a space),
                                   and Header=ignore leaves a column out:
${describeHeaderAliases("                                     ")}`;

async function runMigrate() {
  const config = readDatabaseConfig();
  const handle = openDatabase(config);
  await migrateDatabase(handle);
  handle.client.close();
  console.log(`Database is up to date (${redact(config.url)}).`);
}

async function runUserAdd(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      email: { type: "string" },
      password: { type: "string" },
      role: { type: "string" },
      name: { type: "string" },
    },
    strict: true,
  });
  const input = ZNewUserSchema.parse({
    email: values.email ?? "",
    password: values.password ?? "",
    role: values.role ?? "",
    name: values.name ?? values.email?.split("@")[0] ?? "",
  });
  const handle = openDatabase(readDatabaseConfig());
  try {
    const user = await addUser(handle.db, input);
    console.log(`Added ${user.email} as ${user.role}.`);
  } finally {
    handle.client.close();
  }
}

async function openConfiguredDatabase() {
  const env = getEnv();
  const config = readDatabaseConfig(env);
  const handle = openDatabase(config);
  const state = await checkDatabase(handle.client);
  if (state !== "ok") {
    handle.client.close();
    throw new UsageError(
      state === "unmigrated"
        ? `The database (${redact(config.url)}) is not migrated. Run: npm run tandem -- migrate`
        : `The database (${redact(config.url)}) cannot be reached. Check DATABASE_URL and DATABASE_AUTH_TOKEN.`,
    );
  }
  // The CLI opens Salesforce tokens with the server's secret, and never makes one of its own.
  const decision = decideCliAuthSecret({
    envSecret: env.AUTH_SECRET,
    encryptionKey: env.TANDEM_ENCRYPTION_KEY,
    localSecret: isLocalDataDatabase(config.url) ? readLocalSecret("auth-secret") : null,
    needsSecret: Boolean(env.SALESFORCE_REFRESH_TOKEN) || (await getConnectionRow(handle.db)) !== null,
  });
  if ("problem" in decision) {
    handle.client.close();
    throw new UsageError(decision.problem);
  }
  if (decision.secret) setEnvDefault("AUTH_SECRET", decision.secret);
  return handle;
}

async function runSync(args: string[]) {
  const { values } = parseArgs({ args, options: { json: { type: "boolean", default: false } }, strict: true });
  const [{ runTick }, { describeTick }, { lowerCpuPriority }] = await Promise.all([
    import("@/server/sync/run-tick"),
    import("@/server/sync/describe-tick"),
    import("@/server/sync/background-priority"),
  ]);
  // A scheduled sync on the web server's machine takes the CPU the server leaves (see the README).
  lowerCpuPriority();
  const handle = await openConfiguredDatabase();
  try {
    const summary = await runTick(handle.db, "cli");
    if (values.json) {
      console.log(JSON.stringify(summary, null, 2));
    } else {
      console.log(describeTick(summary));
    }
    if ("ok" in summary && !summary.ok) process.exitCode = 1;
  } finally {
    handle.client.close();
  }
}

async function runStatus(args: string[]) {
  parseArgs({ args, options: { json: { type: "boolean", default: true } }, strict: true });
  const { getSyncStatus } = await import("@/server/status/sync-status");
  const handle = await openConfiguredDatabase();
  try {
    console.log(JSON.stringify(await getSyncStatus(handle.db), null, 2));
  } finally {
    handle.client.close();
  }
}

async function runExport(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    options: { format: { type: "string", default: "csv" } },
    allowPositionals: true,
    strict: true,
  });
  const { EXPORT_KINDS, exportRows, toCsv } = await import("@/server/exports/export-records");
  const kind = positionals[0];
  if (!kind || !(EXPORT_KINDS as readonly string[]).includes(kind)) {
    throw new UsageError(`Say what to export: ${EXPORT_KINDS.join(", ")}.`);
  }
  if (values.format !== "csv" && values.format !== "json") throw new UsageError("--format is csv or json.");
  const handle = await openConfiguredDatabase();
  try {
    const rows = await exportRows(handle.db, kind as (typeof EXPORT_KINDS)[number]);
    process.stdout.write(values.format === "json" ? `${JSON.stringify(rows, null, 2)}\n` : `${toCsv(rows)}\n`);
  } finally {
    handle.client.close();
  }
}

class UsageError extends Error {}

/** Never print a database credential that might sit in the URL. */
function redact(url: string) {
  return url.replace(/\/\/[^@/]*@/, "//***@").replace(/([?&](authToken|token)=)[^&]+/i, "$1***");
}

async function main(argv: string[]) {
  const [command, ...rest] = argv;
  if (command === "migrate") return runMigrate();
  if (command === "user" && rest[0] === "add") return runUserAdd(rest.slice(1));
  if (command === "sync") return runSync(rest);
  if (command === "status") return runStatus(rest);
  if (command === "export") return runExport(rest);
  if (command === "import")
    return (await import("./commands/import-command")).runImportCommand(rest, openConfiguredDatabase);
  if (command === "settings")
    return (await import("./commands/settings-command")).runSettingsCommand(rest, openConfiguredDatabase);
  if (command === "prospects")
    return (await import("./commands/prospects-command")).runProspectsCommand(rest, openConfiguredDatabase);
  if (command === "errors")
    return (await import("./commands/errors-command")).runErrorsCommand(rest, openConfiguredDatabase);
  if (command === "duplicates")
    return (await import("./commands/duplicates-command")).runDuplicatesCommand(rest, openConfiguredDatabase);
  if (command === "dedupe") return (await import("./commands/dedupe-command")).runDedupeCommand(rest);
  if (command === "backup") return (await import("./commands/backup-command")).runBackupCommand(rest, redact);
  if (command === "restore") return (await import("./commands/backup-command")).runRestoreCommand(rest, redact);
  if (command === undefined || command === "help" || command === "--help") {
    console.log(USAGE);
    return;
  }
  console.error(`Unknown command: ${[command, ...rest].join(" ")}\n\n${USAGE}`);
  process.exitCode = 2;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ZodError) {
    for (const issue of error.issues) console.error(`--${issue.path.join(".")}: ${issue.message}`);
  } else if (error instanceof UsageError) {
    console.error(error.message);
  } else if (isAppError(error)) {
    console.error(error.message);
  } else if (
    error instanceof Error &&
    error.name === "TypeError" &&
    "code" in error &&
    String(error.code).startsWith("ERR_PARSE_ARGS")
  ) {
    console.error(`${error.message}\n\n${USAGE}`);
  } else {
    console.error(error instanceof Error ? error.message : error);
  }
  process.exitCode = 1;
});
