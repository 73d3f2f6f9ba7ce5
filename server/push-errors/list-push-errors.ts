import "server-only";
import { and, count, desc, eq, inArray } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { crmActivities, pushErrors } from "@/db/schema";
import { getConnectionRow } from "@/server/salesforce/connection-store";
import { pushErrorHint } from "@/server/sync/core/push-error-hints";
import type { TPushErrorState, TPushRecordType } from "@/server/sync/core/push-kinds";
import { visibleTo } from "./error-scope";
import {
  type TErrorStateFilter,
  type TErrorViewer,
  type TPushErrorList,
  type TPushErrorListInput,
  type TPushErrorRow,
  ZPushErrorListInputSchema,
} from "./push-error-schemas";

const STATES: Record<TErrorStateFilter, TPushErrorState[] | null> = {
  open: ["open", "retrying"],
  resolved: ["resolved"],
  dismissed: ["dismissed"],
  all: null,
};

export function statesOfFilter(filter: TErrorStateFilter): TPushErrorState[] | null {
  return STATES[filter];
}

const PROFILE_PATHS: Record<Exclude<TPushRecordType, "activity">, string> = {
  person: "/people",
  account: "/accounts",
  opportunity: "/opportunities",
};

/** ERR-1: the error log, newest failure first, a page at a time, each error with its fix in words. */
export async function listPushErrors(
  db: TDatabase,
  viewer: TErrorViewer,
  rawInput: TPushErrorListInput,
): Promise<TPushErrorList> {
  const input = ZPushErrorListInputSchema.parse(rawInput);
  const states = statesOfFilter(input.state);
  const inState = states ? inArray(pushErrors.state, states) : undefined;
  const where = and(
    visibleTo(viewer),
    inState,
    input.object ? eq(pushErrors.object, input.object) : undefined,
    input.code ? eq(pushErrors.code, input.code) : undefined,
  );

  const [rows, [counted], facets, connection] = await Promise.all([
    db
      .select({
        error: pushErrors,
        personId: crmActivities.personId,
        opportunityId: crmActivities.opportunityId,
        accountId: crmActivities.accountId,
      })
      .from(pushErrors)
      .leftJoin(crmActivities, and(eq(pushErrors.recordType, "activity"), eq(crmActivities.id, pushErrors.recordId)))
      .where(where)
      .orderBy(desc(pushErrors.lastAt), desc(pushErrors.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ total: count() }).from(pushErrors).where(where),
    // Few distinct combinations however long the log: the filters' options and "retry all" counts.
    db
      .select({ object: pushErrors.object, code: pushErrors.code, state: pushErrors.state, total: count() })
      .from(pushErrors)
      .where(visibleTo(viewer))
      .groupBy(pushErrors.object, pushErrors.code, pushErrors.state),
    getConnectionRow(db),
  ]);

  const instanceUrl = connection?.instanceUrl.replace(/\/+$/, "") ?? null;
  const inFilter = facets.filter((facet) => !states || states.includes(facet.state));
  const codes = new Map<string, { code: string; total: number; open: number }>();
  for (const facet of facets) {
    const entry = codes.get(facet.code) ?? { code: facet.code, total: 0, open: 0 };
    if (!states || states.includes(facet.state)) entry.total += facet.total;
    if (facet.state === "open") entry.open += facet.total;
    codes.set(facet.code, entry);
  }

  return {
    rows: rows.map(({ error, ...parents }): TPushErrorRow => {
      const duplicates = error.duplicates ?? [];
      const hint = pushErrorHint({
        code: error.code,
        message: error.message,
        fields: error.fields,
        object: error.object,
        duplicates: duplicates.length,
      });
      // An error about one mapped field has no failed push behind it to send again.
      const fieldLevel = error.code === "FIELD_REVERTED" || error.code === "FIELD_MISSING";
      const retryable = !fieldLevel && (error.state === "open" || error.state === "dismissed");
      return {
        id: error.id,
        at: error.lastAt,
        firstAt: error.firstAt,
        object: error.object,
        operation: error.operation,
        record: {
          type: error.recordType,
          id: error.recordId,
          name: error.recordName,
          href: recordHref(error.recordType, error.recordId, parents),
        },
        code: error.code,
        message: error.message,
        fields: error.fields,
        duplicates: duplicates.map((duplicate) => ({
          ...duplicate,
          url: instanceUrl ? `${instanceUrl}/${encodeURIComponent(duplicate.id)}` : null,
        })),
        attempts: error.attempts,
        state: error.state,
        severity: error.severity,
        hint,
        actions: {
          retry: retryable,
          dismiss: error.state === "open",
          createAnyway: retryable && hint.createAnyway && error.operation === "create",
        },
      };
    }),
    total: counted?.total ?? 0,
    page: input.page,
    pageSize: input.pageSize,
    objects: [...new Set(inFilter.map((facet) => facet.object))].sort(),
    codes: [...codes.values()].filter((entry) => entry.total > 0).sort((a, b) => a.code.localeCompare(b.code)),
  };
}

/** An activity has no page of its own: it links to the profile whose timeline shows it. */
function recordHref(
  type: TPushRecordType,
  id: string,
  parents: { personId: string | null; opportunityId: string | null; accountId: string | null },
): string | null {
  if (type !== "activity") return `${PROFILE_PATHS[type]}/${encodeURIComponent(id)}`;
  if (parents.personId) return `/people/${encodeURIComponent(parents.personId)}`;
  if (parents.opportunityId) return `/opportunities/${encodeURIComponent(parents.opportunityId)}`;
  if (parents.accountId) return `/accounts/${encodeURIComponent(parents.accountId)}`;
  return null;
}
