import { z } from "zod";
import { ZEnrichmentFilterSchema } from "@/server/mapping/enrichment-schemas";
import { MAPPED_OBJECTS } from "@/server/sync/core/field-mapping";

/*
 * The Enrichment page's URL → its query: `object`, `field`, `owner`, `status`, `kept=1`, `page`,
 * `size`. Links are kept and shared, so anything unknown falls back to the default instead of
 * failing the page. The server page and the client list both read the URL through this, so both
 * ask for the same rows.
 */

export type TEnrichmentListInput = z.output<typeof ZEnrichmentFilterSchema>;
export type TSearchParams = Record<string, string | string[] | undefined> | URLSearchParams;

export const ENRICHMENT_PAGE_SIZES = [25, 50, 100] as const;
export const DEFAULT_ENRICHMENT_PAGE_SIZE = ENRICHMENT_PAGE_SIZES[0];
/** The URL keys that narrow the list; "Reset" clears them (and the page). */
export const ENRICHMENT_FILTER_KEYS = ["object", "field", "owner", "status", "kept", "page"] as const;

function read(params: TSearchParams, key: string): string | undefined {
  const value = params instanceof URLSearchParams ? params.get(key) : params[key];
  const first = Array.isArray(value) ? value[0] : value;
  return first === null || first === undefined || first === "" ? undefined : first;
}

const optionalText = (max: number) => z.string().trim().min(1).max(max).optional().catch(undefined);

export function enrichmentListInput(params: TSearchParams): TEnrichmentListInput {
  return {
    object: z.enum(MAPPED_OBJECTS).optional().catch(undefined).parse(read(params, "object")),
    field: optionalText(200).parse(read(params, "field")),
    ownerSfId: optionalText(40).parse(read(params, "owner")),
    status: z
      .enum(["all", "empty", "differs"])
      .catch("all")
      .parse(read(params, "status") ?? "all"),
    includeKept: read(params, "kept") === "1",
    page: z.coerce
      .number()
      .int()
      .min(1)
      .max(10_000)
      .catch(1)
      .parse(read(params, "page") ?? 1),
    pageSize: z.coerce
      .number()
      .pipe(z.literal(ENRICHMENT_PAGE_SIZES))
      .catch(DEFAULT_ENRICHMENT_PAGE_SIZE)
      .parse(read(params, "size") ?? DEFAULT_ENRICHMENT_PAGE_SIZE),
  };
}

/** Whether the list is narrowed (the toggle for kept values widens it, so it does not count). */
export function isEnrichmentFiltered(input: TEnrichmentListInput): boolean {
  return (
    input.object !== undefined || input.field !== undefined || input.ownerSfId !== undefined || input.status !== "all"
  );
}
