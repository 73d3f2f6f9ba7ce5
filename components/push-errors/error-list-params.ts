import { z } from "zod";
import {
  DEFAULT_ERROR_PAGE_SIZE,
  ERROR_PAGE_SIZES,
  ERROR_STATE_FILTERS,
  type TPushErrorListInput,
} from "@/server/push-errors/push-error-schemas";

/*
 * The error log's URL → its query: `state` (open when absent), `object`, `code`, `page`, `size`.
 * Links are kept and shared, so anything unknown falls back to the default instead of failing.
 * The server page and the client table both read the URL through this.
 */

export type TSearchParams = Record<string, string | string[] | undefined> | URLSearchParams;

export const ERROR_PARAM_KEYS = ["state", "object", "code", "page", "size"] as const;

function read(params: TSearchParams, key: string): string | undefined {
  const value = params instanceof URLSearchParams ? params.get(key) : params[key];
  const first = Array.isArray(value) ? value[0] : value;
  return first === null || first === undefined || first === "" ? undefined : first;
}

const optionalText = (max: number) => z.string().max(max).optional().catch(undefined);

export function errorListInput(params: TSearchParams): TPushErrorListInput {
  return {
    state: z
      .enum(ERROR_STATE_FILTERS)
      .catch("open")
      .parse(read(params, "state") ?? "open"),
    object: optionalText(80).parse(read(params, "object")),
    code: optionalText(100).parse(read(params, "code")),
    page: z.coerce
      .number()
      .int()
      .min(1)
      .max(100_000)
      .catch(1)
      .parse(read(params, "page") ?? 1),
    pageSize: z.coerce
      .number()
      .pipe(z.literal(ERROR_PAGE_SIZES))
      .catch(DEFAULT_ERROR_PAGE_SIZE)
      .parse(read(params, "size") ?? DEFAULT_ERROR_PAGE_SIZE),
  };
}
