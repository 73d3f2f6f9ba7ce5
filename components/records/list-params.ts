import { z } from "zod";
import {
  ACCOUNT_SORTS,
  DEFAULT_PAGE_SIZE,
  OPPORTUNITY_SORTS,
  OPPORTUNITY_STATUSES,
  PAGE_SIZES,
  PEOPLE_SORTS,
  type TAccountsListInput,
  type TOpportunitiesListInput,
  type TPeopleListInput,
} from "@/server/records/list-schemas";
import { PERSON_KIND_VALUES, RECORD_SOURCE_VALUES } from "@/server/records/record-schemas";

/*
 * A list's URL → its query. Links are typed by people and kept for months, so anything unknown or
 * malformed falls back to the default instead of failing the page. The server page and the
 * client table both read the URL through these, so they always ask for the same rows.
 */

export type TSearchParams = Record<string, string | string[] | undefined> | URLSearchParams;

function read(params: TSearchParams, key: string): string | undefined {
  const value = params instanceof URLSearchParams ? params.get(key) : params[key];
  const first = Array.isArray(value) ? value[0] : value;
  return first === null || first === undefined || first === "" ? undefined : first;
}

const page = z.coerce.number().int().min(1).max(100_000).catch(1);
const pageSize = z.coerce
  .number()
  .refine((size): size is (typeof PAGE_SIZES)[number] => (PAGE_SIZES as readonly number[]).includes(size))
  .catch(DEFAULT_PAGE_SIZE);
const direction = z.enum(["asc", "desc"]).catch("asc");
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values).optional().catch(undefined);
const optionalText = z.string().max(200).optional().catch(undefined);

function common(params: TSearchParams) {
  return {
    page: page.parse(read(params, "page") ?? 1),
    pageSize: pageSize.parse(read(params, "size") ?? DEFAULT_PAGE_SIZE) as (typeof PAGE_SIZES)[number],
    direction: direction.parse(read(params, "dir") ?? "asc"),
    search: (read(params, "q") ?? "").slice(0, 200),
    owner: optionalText.parse(read(params, "owner")),
    source: optionalEnum(RECORD_SOURCE_VALUES).parse(read(params, "source")),
  };
}

export function peopleListInput(params: TSearchParams): TPeopleListInput {
  return {
    ...common(params),
    sort: z
      .enum(PEOPLE_SORTS)
      .catch("name")
      .parse(read(params, "sort") ?? "name"),
    kind: optionalEnum(PERSON_KIND_VALUES).parse(read(params, "kind")),
    accountId: optionalText.parse(read(params, "account")),
  };
}

export function accountsListInput(params: TSearchParams): TAccountsListInput {
  return {
    ...common(params),
    sort: z
      .enum(ACCOUNT_SORTS)
      .catch("name")
      .parse(read(params, "sort") ?? "name"),
  };
}

export function opportunitiesListInput(params: TSearchParams): TOpportunitiesListInput {
  return {
    ...common(params),
    sort: z
      .enum(OPPORTUNITY_SORTS)
      .catch("name")
      .parse(read(params, "sort") ?? "name"),
    status: optionalEnum(OPPORTUNITY_STATUSES).parse(read(params, "status")),
    accountId: optionalText.parse(read(params, "account")),
  };
}

/** The URL keys that narrow a list; "Reset" clears them (and the page). */
export const FILTER_PARAM_KEYS = ["q", "owner", "source", "kind", "status", "account", "page"] as const;
