import { inArray } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { prospects } from "@/db/schema";
import type { TMatchEntity } from "@/server/sync/core/match/fields";
import type { TLease } from "@/server/sync/lease";
import { letOthersRun } from "@/server/sync/let-others-run";
import { refreshKeys, scoreChunk, type TCheckRun } from "./check-chunk";
import { readDuplicateModels, type TDuplicateModels } from "./duplicate-models";
import { uniqueBlockingKeys } from "./match-key-rows";
import type { TRecordRef } from "./duplicate-vocabulary";
import { refKey } from "./pair-identity";

/** A record to check; `updatedAt` (the version checked) lets later checks skip it until it changes. */
export type TCheckTarget = TRecordRef & { entity?: TMatchEntity; updatedAt?: number };

export type TCheckOptions = {
  /** Stamps the pairs written. */
  now: number;
  /** The tick's lease: writes go behind its fence. */
  lease?: TLease | null;
  models?: TDuplicateModels;
  /** Asked between chunks: true stops the check there (the rest stays unchecked). */
  shouldStop?: () => boolean;
};

export type TCheckResult = { checked: number; done: boolean };

/** Records per chunk: a few reads and a transaction each. */
const CHUNK = 500;
/**
 * Records whose keys are all written before any of them is scored, so blocks have their full size
 * (a key of many records is passed over from the start, as in a full run).
 */
const WINDOW = 10_000;

/**
 * The incremental check (DUP-1) for records that changed: each record's features and blocking
 * keys are computed again and its match_keys rows replaced; its candidates are the records under
 * its keys (SQL on the key column, keys of more than MAX_BLOCK records passed over); they are
 * scored with the stored model (the prior-only model when there is none yet) and the pairs of the
 * checked records opened, updated or closed (planPairWrites). A record no longer compared (retired,
 * merged, deleted, a prospect now linked) loses its keys and pairs. Batched: a few queries and a
 * transaction per 500 records, never a query per record; each pair is scored once per check.
 */
export async function checkDuplicates(
  db: TDatabase,
  targets: readonly TCheckTarget[],
  options: TCheckOptions,
): Promise<TCheckResult> {
  const run: TCheckRun = {
    db,
    lease: options.lease ?? null,
    now: options.now,
    models: options.models ?? (await readDuplicateModels(db)),
    cache: new Map(),
    positions: new Map(),
    window: 0,
    gone: new Set(),
    bigKeys: new Set(),
    versions: new Map(),
    totals: {},
  };
  const resolved = await resolveEntities(db, targets);
  await letOthersRun();
  const byEntity = (["people", "companies"] as const).map((entity) => ({
    entity,
    targets: resolved.filter((target) => target.entity === entity),
  }));
  let window = 0;
  for (const { targets: list } of byEntity) {
    list.forEach((target, index) => {
      run.positions.set(refKey(target), { window: window + Math.floor(index / WINDOW), index });
    });
    window += Math.ceil(list.length / WINDOW);
  }

  let checked = 0;
  for (const { entity, targets: list } of byEntity) {
    for (let start = 0; start < list.length; start += WINDOW) {
      const inWindow = list.slice(start, start + WINDOW);
      run.window = run.positions.get(refKey(inWindow[0]!))!.window;
      run.cache.clear();
      for (let at = 0; at < inWindow.length; at += CHUNK) {
        if (options.shouldStop?.()) return { checked, done: false };
        await refreshKeys(run, entity, inWindow.slice(at, at + CHUNK));
        await letOthersRun();
      }
      const ordered = byNeighbourhood(run, inWindow);
      for (let at = 0; at < ordered.length; at += CHUNK) {
        if (options.shouldStop?.()) return { checked, done: false };
        const chunk = ordered.slice(at, at + CHUNK);
        await scoreChunk(run, entity, chunk);
        checked += chunk.length;
        await letOthersRun();
      }
    }
  }
  return { checked, done: true };
}

/**
 * The window's records in the order they are scored: those sharing a name key side by side, so a
 * chunk's candidates are few blocks' records, read once for the chunk. Their places follow it.
 */
function byNeighbourhood<T extends TRecordRef>(run: TCheckRun, inWindow: readonly T[]): T[] {
  const sortKey = (target: T) => {
    const compared = run.cache.get(refKey(target));
    return compared ? (uniqueBlockingKeys(compared.features).find((key) => key.startsWith("n")) ?? "~") : "~~";
  };
  const keyed = inWindow.map((target) => ({ target, key: sortKey(target) }));
  keyed.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  const ordered = keyed.map((entry) => entry.target);
  ordered.forEach((target, index) => {
    const position = run.positions.get(refKey(target))!;
    run.positions.set(refKey(target), { window: position.window, index: position.window * WINDOW + index });
  });
  return ordered;
}

/** Targets with their entity: a prospect's is its kind. */
async function resolveEntities(
  db: TDatabase,
  targets: readonly TCheckTarget[],
): Promise<Array<TCheckTarget & { entity: TMatchEntity }>> {
  const unknown = targets.filter((target) => !target.entity && target.type === "prospect").map((target) => target.id);
  const kinds = new Map<string, string>();
  for (let start = 0; start < unknown.length; start += CHUNK) {
    const rows = await db
      .select({ id: prospects.id, kind: prospects.kind })
      .from(prospects)
      .where(inArray(prospects.id, unknown.slice(start, start + CHUNK)));
    for (const row of rows) kinds.set(row.id, row.kind);
  }
  const seen = new Set<string>();
  return targets.flatMap((target) => {
    if (seen.has(refKey(target))) return [];
    seen.add(refKey(target));
    if (target.entity) return [{ ...target, entity: target.entity }];
    if (target.type === "person") return [{ ...target, entity: "people" as const }];
    if (target.type === "account") return [{ ...target, entity: "companies" as const }];
    const kind = kinds.get(target.id);
    return kind ? [{ ...target, entity: kind === "person" ? ("people" as const) : ("companies" as const) }] : [];
  });
}
