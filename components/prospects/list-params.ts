import { z } from "zod";
import { PROSPECT_SORT_FIELDS, type TListProspectsInput } from "@/server/prospects/schemas";

/*
 * The prospect list's URL → its query. The server page and the client table read the URL
 * through this, so both ask for the same rows; anything unknown falls back to the default.
 */

export const PROSPECT_PAGE_SIZES = [25, 50, 100] as const;
export const PROSPECT_FILTER_KEYS = ["q", "kind", "crm", "page"] as const;

export type TProspectListInput = Required<Omit<TListProspectsInput, "kind" | "search">> &
  Pick<TListProspectsInput, "kind" | "search">;
export type TSearchParams = Record<string, string | string[] | undefined> | URLSearchParams;

function read(params: TSearchParams, key: string): string | undefined {
  const value = params instanceof URLSearchParams ? params.get(key) : params[key];
  const first = Array.isArray(value) ? value[0] : value;
  return first === null || first === undefined || first === "" ? undefined : first;
}

export function prospectListInput(params: TSearchParams): TProspectListInput {
  const search = (read(params, "q") ?? "").slice(0, 200);
  return {
    search: search || undefined,
    kind: z.enum(["person", "company"]).optional().catch(undefined).parse(read(params, "kind")),
    includeInCrm: read(params, "crm") === "1",
    sort: z
      .enum(PROSPECT_SORT_FIELDS)
      .catch("createdAt")
      .parse(read(params, "sort") ?? "createdAt"),
    direction: z
      .enum(["asc", "desc"])
      .catch("desc")
      .parse(read(params, "dir") ?? "desc"),
    page: z.coerce
      .number()
      .int()
      .min(1)
      .max(100_000)
      .catch(1)
      .parse(read(params, "page") ?? 1),
    pageSize: z.coerce
      .number()
      .refine((size) => (PROSPECT_PAGE_SIZES as readonly number[]).includes(size))
      .catch(PROSPECT_PAGE_SIZES[0])
      .parse(read(params, "size") ?? PROSPECT_PAGE_SIZES[0]),
  };
}
