import type { Connection } from "jsforce";
import { z } from "zod";

/** A REST query result page, parsed at the border. */
export const ZQueryResultSchema = z.object({
  totalSize: z.number(),
  done: z.boolean(),
  nextRecordsUrl: z.string().optional(),
  records: z.array(z.looseObject({ Id: z.string() })),
});
export type TQueryResult = z.infer<typeof ZQueryResultSchema>;

const ZCompositeResponseSchema = z.object({
  compositeResponse: z.array(z.object({ referenceId: z.string(), httpStatusCode: z.number(), body: z.unknown() })),
});

export type TCompositeQueryOutcome =
  { ok: true; result: TQueryResult } | { ok: false; errorCode: string; message: string; status: number };

/**
 * Up to five queryAll requests in ONE composite call (Salesforce counts it as one API call):
 * an idle tick asks every object whether anything changed for the price of a single call.
 */
export async function compositeQueryAll(
  connection: Connection,
  queries: Array<{ referenceId: string; soql: string }>,
): Promise<Map<string, TCompositeQueryOutcome>> {
  if (queries.length === 0) return new Map();
  if (queries.length > 5) throw new Error("A composite request holds at most 5 queries.");
  const base = `/services/data/v${connection.version}`;
  const response = await connection.request({
    method: "POST",
    url: `${base}/composite`,
    body: JSON.stringify({
      allOrNone: false,
      compositeRequest: queries.map((query) => ({
        method: "GET",
        url: `${base}/queryAll?q=${encodeURIComponent(query.soql)}`,
        referenceId: query.referenceId,
      })),
    }),
    headers: { "content-type": "application/json" },
  });
  const parsed = ZCompositeResponseSchema.parse(response);
  const outcomes = new Map<string, TCompositeQueryOutcome>();
  for (const item of parsed.compositeResponse) {
    if (item.httpStatusCode >= 200 && item.httpStatusCode < 300) {
      outcomes.set(item.referenceId, { ok: true, result: ZQueryResultSchema.parse(item.body) });
    } else {
      const error = Array.isArray(item.body)
        ? (item.body[0] as { errorCode?: string; message?: string } | undefined)
        : undefined;
      outcomes.set(item.referenceId, {
        ok: false,
        errorCode: error?.errorCode ?? `ERROR_HTTP_${item.httpStatusCode}`,
        message: error?.message ?? "no message",
        status: item.httpStatusCode,
      });
    }
  }
  return outcomes;
}

/** The next page of a query, by its nextRecordsUrl. */
export async function queryMore(connection: Connection, nextRecordsUrl: string): Promise<TQueryResult> {
  return ZQueryResultSchema.parse(await connection.queryMore(nextRecordsUrl));
}

/** One queryAll page (used after a failed composite subrequest, and for targeted reads). */
export async function queryAllFirstPage(connection: Connection, soql: string): Promise<TQueryResult> {
  const result = await connection.request({
    method: "GET",
    url: `/services/data/v${connection.version}/queryAll?q=${encodeURIComponent(soql)}`,
  });
  return ZQueryResultSchema.parse(result);
}
