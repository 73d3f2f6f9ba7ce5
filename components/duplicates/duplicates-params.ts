import { z } from "zod";
import { MATCH_ENTITIES, type TMatchEntity } from "@/server/duplicates/duplicate-vocabulary";

/*
 * The review queue's URL → its query: `entity`, `min` (a percentage), `later=1`, `page`, `size`,
 * and `pair`, the potential duplicate whose merge dialog is open (profiles link to it). Links are
 * kept and shared, so anything unknown falls back to the default instead of failing the page.
 */

export type TSearchParams = Record<string, string | string[] | undefined> | URLSearchParams;

export type TDuplicatesListInput = {
  entity?: TMatchEntity;
  minScore?: number;
  includeLater: boolean;
  page: number;
  pageSize: number;
};

export const DUPLICATES_PAGE_SIZES = [25, 50, 100] as const;
export const DEFAULT_DUPLICATES_PAGE_SIZE = DUPLICATES_PAGE_SIZES[0];
/** The minimum scores the queue offers, in percent. */
export const MIN_SCORE_PERCENTS = [90, 95, 99] as const;
/** The URL keys that narrow the list; "Reset" clears them (and the page). */
export const DUPLICATES_FILTER_KEYS = ["entity", "min", "later", "page"] as const;

function read(params: TSearchParams, key: string): string | undefined {
  const value = params instanceof URLSearchParams ? params.get(key) : params[key];
  const first = Array.isArray(value) ? value[0] : value;
  return first === null || first === undefined || first === "" ? undefined : first;
}

export function duplicatesListInput(params: TSearchParams): TDuplicatesListInput {
  const percent = z.coerce
    .number()
    .pipe(z.literal(MIN_SCORE_PERCENTS))
    .optional()
    .catch(undefined)
    .parse(read(params, "min"));
  return {
    entity: z.enum(MATCH_ENTITIES).optional().catch(undefined).parse(read(params, "entity")),
    minScore: percent === undefined ? undefined : percent / 100,
    includeLater: read(params, "later") === "1",
    page: z.coerce
      .number()
      .int()
      .min(1)
      .max(100_000)
      .catch(1)
      .parse(read(params, "page") ?? 1),
    pageSize: z.coerce
      .number()
      .pipe(z.literal(DUPLICATES_PAGE_SIZES))
      .catch(DEFAULT_DUPLICATES_PAGE_SIZE)
      .parse(read(params, "size") ?? DEFAULT_DUPLICATES_PAGE_SIZE),
  };
}

/** The potential duplicate whose merge dialog the URL opens, if any. */
export function openPairParam(params: TSearchParams): string | undefined {
  return z.string().trim().min(1).max(64).optional().catch(undefined).parse(read(params, "pair"));
}

/** Whether the queue is narrowed (showing pairs put off for later widens it, so it does not count). */
export function isDuplicatesFiltered(input: TDuplicatesListInput): boolean {
  return input.entity !== undefined || input.minScore !== undefined;
}
