import "server-only";
import { eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { salesforceConnection, syncCursors } from "@/db/schema";
import { getPullVisibility, type TPullVisibility } from "@/server/settings/pull-visibility";
import type { TListContext, TSalesforceObject } from "./record-schemas";

export type TRecordsWorkspace = {
  /** The org's instance URL while a connection exists; record links are built from it. */
  instanceUrl: string | null;
  visibility: TPullVisibility;
  /** Objects whose first full load finished (their cursor has an initial load time). */
  loadedObjects: Set<TSalesforceObject>;
};

/** Connection, PULL-2 visibility and first-sync state: what every list and profile consults. */
export async function getRecordsWorkspace(db: TDatabase): Promise<TRecordsWorkspace> {
  const [connection, visibility, cursors] = await Promise.all([
    db
      .select({ instanceUrl: salesforceConnection.instanceUrl })
      .from(salesforceConnection)
      .where(eq(salesforceConnection.id, "default"))
      .get(),
    getPullVisibility(db),
    db.select({ object: syncCursors.object, initialLoadAt: syncCursors.initialLoadAt }).from(syncCursors),
  ]);
  return {
    instanceUrl: connection?.instanceUrl ?? null,
    visibility,
    loadedObjects: new Set(cursors.filter((cursor) => cursor.initialLoadAt !== null).map((cursor) => cursor.object)),
  };
}

export function isVisible(workspace: TRecordsWorkspace, object: TSalesforceObject): boolean {
  return workspace.visibility[object];
}

/** The context a list reports for the objects behind it (People: Contact and Lead). */
export function listContext(workspace: TRecordsWorkspace, objects: TSalesforceObject[]): TListContext {
  return {
    connected: workspace.instanceUrl !== null,
    firstSyncFinished: objects.every((object) => workspace.loadedObjects.has(object)),
    hiddenObjects: objects.filter((object) => !workspace.visibility[object]),
  };
}

/** `${instanceUrl}/lightning/r/${Object}/${sfId}/view`, only when connected and linked. */
export function salesforceRecordUrl(
  workspace: TRecordsWorkspace,
  object: TSalesforceObject,
  sfId: string | null,
): string | null {
  if (!workspace.instanceUrl || !sfId) return null;
  return `${workspace.instanceUrl.replace(/\/+$/, "")}/lightning/r/${object}/${encodeURIComponent(sfId)}/view`;
}
