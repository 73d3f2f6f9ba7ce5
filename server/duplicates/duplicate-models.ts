import type { InStatement } from "@libsql/client";
import type { TDatabaseOrTransaction } from "@/db/client";
import { readSettings, settingStatement } from "@/server/settings/settings-store";
import { MATCH_ENTITIES, type TMatchEntity } from "@/server/sync/core/match/fields";
import {
  DEFAULT_SCORE_THRESHOLD,
  defaultModel,
  type TMatchModel,
  withScoreThreshold,
} from "@/server/sync/core/match/model";

export type TDuplicateModels = Record<TMatchEntity, TMatchModel | null>;

const MODEL_KEYS = {
  people: "duplicates.model.people",
  companies: "duplicates.model.companies",
} as const satisfies Record<TMatchEntity, string>;

/**
 * The stored model per entity, or null when there is none yet or it no longer fits the matcher's
 * comparisons (they changed since it was estimated): either way, records are checked again.
 */
export async function readDuplicateModels(db: TDatabaseOrTransaction): Promise<TDuplicateModels> {
  const stored = await readSettings(db, Object.values(MODEL_KEYS));
  return Object.fromEntries(
    MATCH_ENTITIES.map((entity) => [entity, fitsMatcher(entity, stored[MODEL_KEYS[entity]])]),
  ) as TDuplicateModels;
}

export function modelStatement(db: TDatabaseOrTransaction, entity: TMatchEntity, model: TMatchModel): InStatement {
  return settingStatement(db, MODEL_KEYS[entity], model);
}

function fitsMatcher(entity: TMatchEntity, model: TMatchModel | null): TMatchModel | null {
  if (!model || model.entity !== entity) return null;
  const shape = defaultModel(entity).weights;
  const fits =
    model.weights.length === shape.length &&
    model.weights.every((levels, index) => levels.length === shape[index]?.length && levels.every(Number.isFinite));
  // Scored against the matcher's threshold of today, as a rebuild would.
  return fits && Number.isFinite(model.priorBits) ? withScoreThreshold(model, DEFAULT_SCORE_THRESHOLD) : null;
}
