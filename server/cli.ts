/**
 * `npm run tandem -- <command>`: operate Tandem from a shell.
 *   migrate                                           apply database migrations
 *   user add --email E --password P --role R [--name N]   add a team member (admin|member)
 */
import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { openDatabase, readDatabaseConfig } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { isAppError } from "@/server/errors";
import { addUser } from "@/server/users/add-user";
import { ZNewUserSchema } from "@/server/users/schemas";

const USAGE = `Usage: npm run tandem -- <command>

Commands:
  migrate                          Apply database migrations (DATABASE_URL, default file:./data/tandem.db)
  user add --email E --password P --role admin|member [--name N]
                                   Add a person to the team`;

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
    options: { email: { type: "string" }, password: { type: "string" }, role: { type: "string" }, name: { type: "string" } },
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

/** Never print a database credential that might sit in the URL. */
function redact(url: string) {
  return url.replace(/\/\/[^@/]*@/, "//***@").replace(/([?&](authToken|token)=)[^&]+/i, "$1***");
}

async function main(argv: string[]) {
  const [command, ...rest] = argv;
  if (command === "migrate") return runMigrate();
  if (command === "user" && rest[0] === "add") return runUserAdd(rest.slice(1));
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
  } else if (isAppError(error)) {
    console.error(error.message);
  } else if (error instanceof Error && error.name === "TypeError" && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS")) {
    console.error(`${error.message}\n\n${USAGE}`);
  } else {
    console.error(error instanceof Error ? error.message : error);
  }
  process.exitCode = 1;
});
