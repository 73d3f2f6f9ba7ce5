import type { InStatement } from "@libsql/client";
import { and, eq, sql } from "drizzle-orm";
import type { TDatabaseOrTransaction } from "@/db/client";
import { salesforceConnection } from "@/db/schema";
import { toStatement } from "@/db/statements";
import type { TSalesforceEnvironment } from "./environments";

export type { TSalesforceEnvironment };
export type TConnectionRow = typeof salesforceConnection.$inferSelect;

/** There is one connection per workspace. */
export const CONNECTION_ID = "default";

export async function getConnectionRow(db: TDatabaseOrTransaction): Promise<TConnectionRow | null> {
  return (await db.query.salesforceConnection.findFirst({ where: eq(salesforceConnection.id, CONNECTION_ID) })) ?? null;
}

/** The upsert of the one connection row, to commit with other statements (see store-connection.ts). */
export function saveConnectionStatement(db: TDatabaseOrTransaction, row: Omit<TConnectionRow, "id">): InStatement {
  return toStatement(
    db
      .insert(salesforceConnection)
      .values({ id: CONNECTION_ID, ...row })
      .onConflictDoUpdate({ target: salesforceConnection.id, set: row }),
  );
}

export async function updateConnectionRow(
  db: TDatabaseOrTransaction,
  patch: Partial<Omit<TConnectionRow, "id">>,
): Promise<void> {
  await db.update(salesforceConnection).set(patch).where(eq(salesforceConnection.id, CONNECTION_ID));
}

/**
 * Updates the connection only while it is still `orgId`'s: work that started against one org (a
 * tick, a token refresh) must not write onto another org connected meanwhile. Returns whether it
 * wrote.
 */
export async function updateConnectionOfOrg(
  db: TDatabaseOrTransaction,
  orgId: string,
  patch: Partial<Omit<TConnectionRow, "id">>,
): Promise<boolean> {
  const result = await db
    .update(salesforceConnection)
    .set(patch)
    .where(
      and(
        eq(salesforceConnection.id, CONNECTION_ID),
        sql`substr(${salesforceConnection.orgId}, 1, 15) = ${orgId.slice(0, 15)}`,
      ),
    );
  return result.rowsAffected > 0;
}

export async function deleteConnectionRow(db: TDatabaseOrTransaction): Promise<void> {
  await db.delete(salesforceConnection).where(eq(salesforceConnection.id, CONNECTION_ID));
}
