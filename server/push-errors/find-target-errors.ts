import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { pushErrors } from "@/db/schema";
import { AppError } from "@/server/errors";
import type { TPushErrorState } from "@/server/sync/core/push-kinds";
import { selectInChunks } from "@/server/sync/pull/select-in-chunks";
import { visibleTo } from "./error-scope";
import type { TErrorTarget, TErrorViewer } from "./push-error-schemas";

export type TTargetErrors = { ids: string[]; skipped: number };

/**
 * The errors an action applies to, among those the viewer may act on. Named errors must all exist
 * (a member's view leaves out other people's, so theirs do not); those not in an `actionable`
 * state are skipped. A code or "all" picks every open error.
 */
export async function findTargetErrors(
  db: TDatabase,
  viewer: TErrorViewer,
  target: TErrorTarget,
  actionable: readonly TPushErrorState[],
): Promise<TTargetErrors> {
  if ("ids" in target) {
    const wanted = [...new Set(target.ids)];
    const rows = await selectInChunks(wanted, (slice) =>
      db
        .select({ id: pushErrors.id, state: pushErrors.state })
        .from(pushErrors)
        .where(and(visibleTo(viewer), inArray(pushErrors.id, slice))),
    );
    const found = new Set(rows.map((row) => row.id));
    const missing = wanted.filter((id) => !found.has(id));
    if (missing.length > 0) {
      throw new AppError(
        "NOT_FOUND",
        `No push error ${missing.slice(0, 5).join(", ")}${missing.length > 5 ? ` or ${missing.length - 5} more` : ""}${
          viewer.role === "admin" ? "" : " among your records' errors"
        }. Nothing changed.`,
      );
    }
    const ids = rows.filter((row) => actionable.includes(row.state)).map((row) => row.id);
    return { ids, skipped: rows.length - ids.length };
  }
  const rows = await db
    .select({ id: pushErrors.id })
    .from(pushErrors)
    .where(
      and(
        visibleTo(viewer),
        eq(pushErrors.state, "open"),
        "code" in target ? eq(pushErrors.code, target.code) : undefined,
      ),
    );
  return { ids: rows.map((row) => row.id), skipped: 0 };
}
