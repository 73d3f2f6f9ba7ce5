import "server-only";
import { and, count, inArray } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { pushErrors } from "@/db/schema";
import { visibleTo } from "./error-scope";
import type { TErrorViewer } from "./push-error-schemas";

/** The navigation's badge: errors that wait for a fix or are being retried, the viewer's own for members. */
export async function countOpenErrors(db: TDatabase, viewer: TErrorViewer): Promise<{ open: number }> {
  const [row] = await db
    .select({ open: count() })
    .from(pushErrors)
    .where(and(visibleTo(viewer), inArray(pushErrors.state, ["open", "retrying"])));
  return { open: row?.open ?? 0 };
}
