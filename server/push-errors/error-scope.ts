import "server-only";
import { eq, type SQL } from "drizzle-orm";
import { pushErrors } from "@/db/schema";
import type { TErrorViewer } from "./push-error-schemas";

/** ERR-1's audience: admins see every error; a member sees the errors of the records they own. */
export function visibleTo(viewer: TErrorViewer): SQL | undefined {
  return viewer.role === "admin" ? undefined : eq(pushErrors.ownerUserId, viewer.userId);
}
