import { parseArgs } from "node:util";
import type { TDatabaseHandle } from "@/db/client";
import { AppError } from "@/server/errors";
import { allowServerOnly } from "../server-only";

/** Who a command-line "Add to CRM" is recorded as (no team member; owners fall to the connected user). */
const CLI_USER = { id: "cli", name: "Command line", email: "" };

/**
 * `prospects add-to-crm (--all | --ids ID,…) [--as contact|lead]`: the "Add to CRM" action in
 * bulk. Prints `{ created, skipped, alreadyInCrm }` (and, on stderr, why prospects were skipped).
 * A following `sync` pushes them when push is on for their kind.
 */
export async function runProspectsCommand(
  args: string[],
  openDb: () => Promise<Pick<TDatabaseHandle, "db" | "client">>,
): Promise<void> {
  const [action, ...rest] = args;
  if (action !== "add-to-crm") {
    throw new AppError(
      "BAD_REQUEST",
      "Say what to do with prospects: add-to-crm (--all | --ids ID,…) [--as contact|lead].",
    );
  }
  const { values } = parseArgs({
    args: rest,
    options: { all: { type: "boolean", default: false }, ids: { type: "string" }, as: { type: "string" } },
    strict: true,
  });
  if (values.all === (values.ids !== undefined)) {
    throw new AppError("BAD_REQUEST", "Give either --all or --ids ID,… (prospect ids, comma-separated).");
  }
  if (values.as !== undefined && values.as !== "contact" && values.as !== "lead") {
    throw new AppError("BAD_REQUEST", "--as is contact or lead.");
  }
  const ids = (values.ids ?? "")
    .split(",")
    .map((id) => id.trim())
    .filter(Boolean);
  if (!values.all && ids.length === 0) throw new AppError("BAD_REQUEST", "--ids names no prospect.");

  allowServerOnly();
  const { addProspectsToCrm } = await import("@/server/records/write/add-prospects-to-crm");
  const handle = await openDb();
  try {
    const result = await addProspectsToCrm(
      handle.db,
      values.all ? { all: true } : { ids },
      values.as === undefined ? {} : { as: values.as },
      CLI_USER,
      Date.now(),
    );
    console.log(
      JSON.stringify({ created: result.created, skipped: result.skipped, alreadyInCrm: result.alreadyInCrm }, null, 2),
    );
    for (const problem of result.problems) console.error(`skipped ${problem.id}: ${problem.reason}`);
    if (result.created > 0)
      console.error("Run `npm run tandem -- sync` to push them (when push is on for their kind).");
  } finally {
    handle.client.close();
  }
}
