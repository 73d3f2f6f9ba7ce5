import { parseArgs } from "node:util";
import type { TDatabaseHandle } from "@/db/client";
import { AppError } from "@/server/errors";
import type { TDuplicatePair } from "@/server/duplicates/duplicate-schemas";
import { MATCH_ENTITIES, type TMatchEntity } from "@/server/duplicates/duplicate-vocabulary";
import { allowServerOnly } from "../server-only";

type TOpenDb = () => Promise<Pick<TDatabaseHandle, "db" | "client">>;

/** One potential duplicate as `duplicates list --json` prints it. */
export type TCliDuplicatePair = {
  id: string;
  entity: TMatchEntity;
  score: number;
  reasons: string[];
  state: TDuplicatePair["state"];
  cluster: string;
  a: { type: string; id: string; kind: string; name: string; email: string | null; phone: string | null };
  b: { type: string; id: string; kind: string; name: string; email: string | null; phone: string | null };
};

/**
 * `duplicates list [--json] [--entity people|companies] [--min-score S] [--later]`: the review
 * queue (DUP-1), best cluster first. `duplicates rebuild`: matches every record again (the model
 * too) and prints the counts; "Not a duplicate" decisions hold unless a record changed.
 */
export async function runDuplicatesCommand(args: string[], openDb: TOpenDb): Promise<void> {
  const [action, ...rest] = args;
  if (action === "list") return runList(rest, openDb);
  if (action === "rebuild") return runRebuild(rest, openDb);
  throw new AppError(
    "BAD_REQUEST",
    "Say what to do with duplicates: list [--json] [--entity people|companies] [--min-score S] [--later], or rebuild.",
  );
}

async function runList(args: string[], openDb: TOpenDb) {
  const { values } = parseArgs({
    args,
    options: {
      json: { type: "boolean", default: false },
      entity: { type: "string" },
      "min-score": { type: "string" },
      later: { type: "boolean", default: false },
    },
    strict: true,
  });
  const entity = values.entity as TMatchEntity | undefined;
  if (entity !== undefined && !MATCH_ENTITIES.includes(entity)) {
    throw new AppError("BAD_REQUEST", `--entity is one of ${MATCH_ENTITIES.join(", ")}.`);
  }
  const minScore = values["min-score"] === undefined ? undefined : Number(values["min-score"]);
  if (minScore !== undefined && !(minScore >= 0 && minScore <= 1)) {
    throw new AppError("BAD_REQUEST", "--min-score is a probability between 0 and 1, e.g. 0.95.");
  }
  allowServerOnly();
  const { listDuplicatePairs } = await import("@/server/duplicates/list-duplicate-pairs");
  const handle = await openDb();
  try {
    const rows: TDuplicatePair[] = [];
    for (let page = 1; ; page++) {
      const list = await listDuplicatePairs(handle.db, {
        entity,
        minScore,
        includeLater: values.later,
        page,
        pageSize: 500,
      });
      rows.push(...list.rows);
      if (rows.length >= list.total || list.rows.length === 0) break;
    }
    if (values.json) {
      console.log(JSON.stringify(rows.map(toCliPair), null, 2));
      return;
    }
    if (rows.length === 0) {
      console.log("No potential duplicates. They are looked for after every sync; `duplicates rebuild` looks again.");
      return;
    }
    for (const row of rows) {
      const side = (record: TDuplicatePair["a"]) =>
        `${record.name} (${record.kind}${record.email ? `, ${record.email}` : ""})`;
      console.log(`${Math.round(row.score * 1000) / 10}%  ${side(row.a)}  =  ${side(row.b)}`);
      console.log(`       ${row.reasons.join("; ")}`);
    }
    console.log(
      `${rows.length} potential duplicate pair${rows.length === 1 ? "" : "s"}. Review and merge them at /duplicates.`,
    );
  } finally {
    handle.client.close();
  }
}

async function runRebuild(args: string[], openDb: TOpenDb) {
  parseArgs({ args, options: {}, strict: true });
  allowServerOnly();
  const { rebuildDuplicates } = await import("@/server/duplicates/rebuild-duplicates");
  const handle = await openDb();
  try {
    const result = await rebuildDuplicates(handle.db, Date.now());
    console.log(JSON.stringify(result, null, 2));
  } finally {
    handle.client.close();
  }
}

export function toCliPair(row: TDuplicatePair): TCliDuplicatePair {
  const side = (record: TDuplicatePair["a"]) => ({
    type: record.type,
    id: record.id,
    kind: record.kind,
    name: record.name,
    email: record.email,
    phone: record.phone,
  });
  return {
    id: row.id,
    entity: row.entity,
    score: Math.round(row.score * 10_000) / 10_000,
    reasons: row.reasons,
    state: row.state,
    cluster: row.cluster.id,
    a: side(row.a),
    b: side(row.b),
  };
}
