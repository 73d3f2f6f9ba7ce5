import type { TDatabase } from "@/db/client";
import { clearSettingsStatement, settingStatement } from "@/server/settings/settings-store";
import { findDuplicates } from "@/server/sync/core/match/find-duplicates";
import { MATCH_ENTITIES, type TMatchEntity } from "@/server/sync/core/match/fields";
import type { TLease } from "@/server/sync/lease";
import { letOthersRun } from "@/server/sync/let-others-run";
import { CHECK_LATE_WRITES_MS, WATERMARK_LAG_MS } from "./check-window";
import { checkDuplicates } from "./check-duplicates";
import { commitWrites } from "./commit-writes";
import { modelStatement, readDuplicateModels, type TDuplicateModels } from "./duplicate-models";
import { holdLeaseFor } from "./hold-lease";
import { listUncheckedRecords } from "./list-unchecked-records";
import { CHECKED_PREFIX } from "./match-key-rows";
import { countMatchRecords, loadMatchRecords } from "./match-records";
import { rebuildEntity } from "./rebuild-duplicates";

/**
 * Up to this many records of an entity are matched in full inside a tick (a few seconds without
 * yielding): the first time, and when a quarter or more of them changed. Larger sets are checked
 * incrementally, in chunks that let the tick keep its lease and the server answer requests
 * meanwhile. Fewer companies: their names share words ("Group", "Johnson"), so blocks are larger.
 */
export const REBUILD_IN_TICK: Record<TMatchEntity, number> = { people: 20_000, companies: 5_000 };
/** A larger set's first model is estimated from about this many of its records. */
const MODEL_SAMPLE = 2_000;
/** How long duplicate detection may take in one tick; what is left waits for the next tick. */
export const DUPLICATE_CHECK_SLICE_MS = 20_000;

/** `checked`: the records matched, in full (`rebuilt` entities) or incrementally. */
export type TDuplicateStepResult = { checked: number; rebuilt: TMatchEntity[]; more: boolean };

/**
 * The tick's duplicate step (DUP-1), after the pull and the outbound messages: every person,
 * account and prospect changed since the last check (a pull page, an outbound message, an import,
 * a rep's create or edit) is checked, whichever path wrote it. Nothing changed costs one query.
 * The first time, an entity's model is estimated (from all records when few, else from a sample)
 * and its records matched. Stops at its time slice or the tick's deadline (past it, only looks);
 * the next tick goes on.
 */
export async function checkChangedRecords(
  db: TDatabase,
  options: {
    lease: TLease;
    now: () => number;
    deadline: number;
    rebuildUpTo?: number;
    modelSample?: number;
    listLimit?: number;
  },
): Promise<TDuplicateStepResult> {
  const started = options.now();
  const until = Math.min(options.deadline, started + DUPLICATE_CHECK_SLICE_MS);
  let listing = await listUncheckedRecords(db, options.listLimit);
  await letOthersRun();
  const through = listing.through;
  const watermark = Math.max(through ?? -Infinity, started - CHECK_LATE_WRITES_MS);
  if (listing.records.length === 0) {
    if (through === null || watermark - through > WATERMARK_LAG_MS) {
      await commitWrites(db, options.lease, [settingStatement(db, "duplicates.checkedThrough", watermark)]);
    }
    return { checked: 0, rebuilt: [], more: false };
  }

  if (started >= options.deadline) return { checked: 0, rebuilt: [], more: true };

  const models = await readDuplicateModels(db);
  const rebuilt: TMatchEntity[] = [];
  let rebuiltRecords = 0;
  let changedModels = false;
  for (const entity of MATCH_ENTITIES) {
    const pending = listing.records.filter((record) => record.entity === entity).length;
    if (models[entity] && pending === 0) continue;
    const total = await countMatchRecords(db, entity);
    if (total <= (options.rebuildUpTo ?? REBUILD_IN_TICK[entity]) && (!models[entity] || pending * 4 >= total)) {
      rebuiltRecords += (await rebuildEntity(db, entity, { lease: options.lease, now: started, clock: options.now }))
        .records;
      rebuilt.push(entity);
      changedModels = true;
      await letOthersRun();
    } else if (!models[entity]) {
      await estimateFromSample(db, entity, (options.modelSample ?? MODEL_SAMPLE) / total, options);
      changedModels = true;
      await letOthersRun();
    }
  }
  let current: TDuplicateModels = models;
  if (changedModels) {
    [listing, current] = await Promise.all([listUncheckedRecords(db, options.listLimit), readDuplicateModels(db)]);
    await letOthersRun();
  }

  const result = await checkDuplicates(db, listing.records, {
    now: started,
    lease: options.lease,
    models: current,
    shouldStop: () => options.now() >= until,
  });
  // Records past the listing's limit wait for the next tick, and so does the watermark.
  const done = result.done && !listing.truncated;
  if (done) {
    await commitWrites(db, options.lease, [settingStatement(db, "duplicates.checkedThrough", watermark)]);
  }
  return { checked: rebuiltRecords + result.checked, rebuilt, more: !done && options.now() >= options.deadline };
}

/**
 * A first model for a large set, from a fixed sample of its records: the evidence per field and
 * the share of duplicates among pairs come out about the same as from all of them, in a fraction
 * of the time. Every record of the entity is then checked again with it (its marks go).
 */
async function estimateFromSample(
  db: TDatabase,
  entity: TMatchEntity,
  share: number,
  options: { lease: TLease; now: () => number },
) {
  const sample = await loadMatchRecords(db, entity, { share });
  await holdLeaseFor(db, options.lease, 60_000, options.now());
  const { model } = findDuplicates(
    entity,
    sample.map((source) => source.record),
  );
  await commitWrites(db, options.lease, [
    {
      sql: "DELETE FROM match_keys WHERE entity = ? AND key >= ? AND key < ?",
      args: [entity, CHECKED_PREFIX, `${CHECKED_PREFIX}\uffff`],
    },
    clearSettingsStatement(db, ["duplicates.checkedThrough"]),
    modelStatement(db, entity, model),
  ]);
}
