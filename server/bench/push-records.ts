/**
 * The records the push benchmark sends (push-once.ts), and accounts created in Tandem in batches:
 * the statements of createTandemAccount (server/sync/testing/push-fixtures.ts, one batch per
 * account, as a rep's "New account"), 500 accounts to a batch so that 2,000 are quick to set up.
 */
import type { InStatement } from "@libsql/client";
import type { TDatabase } from "@/db/client";
import { activityLog, crmAccounts } from "@/db/schema";
import { toStatement } from "@/db/statements";
import { newId } from "@/server/ids";
import { enqueuePushStatement } from "@/server/sync/push/enqueue";

export const PEOPLE_PER_ACCOUNT = 5;
const ACCOUNTS_PER_BATCH = 500;

/** People with an email each, and one account per five of them: the same for Tandem and bare jsforce. */
export function benchRecords(people: number) {
  const accounts = Math.ceil(people / PEOPLE_PER_ACCOUNT);
  return {
    accounts: Array.from({ length: accounts }, (_, i) => ({
      name: `Bench Account ${i + 1}`,
      website: `https://account-${i + 1}.example.com`,
    })),
    people: Array.from({ length: people }, (_, i) => ({
      firstName: `Bench${i + 1}`,
      lastName: `Person ${i + 1}`,
      email: `person-${i + 1}@account-${Math.floor(i / PEOPLE_PER_ACCOUNT) + 1}.example.com`,
      account: Math.floor(i / PEOPLE_PER_ACCOUNT),
    })),
  };
}

/** Accounts created in Tandem with their activity log entry and outbox row; returns their ids. */
export async function createBenchAccounts(
  db: TDatabase,
  accounts: ReadonlyArray<{ name: string; website: string | null }>,
  now = Date.now(),
): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < accounts.length; start += ACCOUNTS_PER_BATCH) {
    const statements: InStatement[] = accounts.slice(start, start + ACCOUNTS_PER_BATCH).flatMap((account) => {
      const id = newId(now);
      ids.push(id);
      return [
        toStatement(
          db.insert(crmAccounts).values({
            id,
            name: account.name,
            website: account.website,
            fields: {},
            source: "tandem",
            pushState: "pending",
            createdAt: now,
            updatedAt: now,
          }),
        ),
        toStatement(
          db.insert(activityLog).values({
            recordType: "account",
            recordId: id,
            at: now,
            event: "created-in-tandem",
            message: "Created in Tandem.",
          }),
        ),
        enqueuePushStatement({
          recordType: "account",
          recordId: id,
          kind: "accounts",
          operation: "create",
          fields: [],
          createdBy: null,
          now,
        }),
      ];
    });
    await db.$client.batch(statements, "write");
  }
  return ids;
}
