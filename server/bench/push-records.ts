import type { TDatabase } from "@/db/client";
import { openSalesforce } from "@/server/salesforce/open-connection";
import { checkOrgForPush } from "@/server/sync/push/org-push-info";
import { createTandemAccounts, createTandemPeople, enablePush } from "@/server/sync/testing/push-fixtures";

/** The records the push benchmark sends (push-once.ts), the same for Tandem and bare jsforce. */
export const PEOPLE_PER_ACCOUNT = 5;

/** People with an email each, and one account per five of them. */
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

/**
 * Push switched on for people and accounts, after the org check Settings → Salesforce runs when an
 * admin opens it to do so; then `people` people and their accounts created as the write side
 * creates them, ready to push. Says how long the creating took, and how many records wait.
 */
export async function createBenchPush(db: TDatabase, people: number): Promise<{ createMs: number; records: number }> {
  const records = benchRecords(people);
  await enablePush(db, ["people", "accounts"]);
  const salesforce = await openSalesforce(db);
  await checkOrgForPush(db, salesforce, Date.now());
  await salesforce.flush();
  const started = performance.now();
  const accountIds = await createTandemAccounts(db, records.accounts);
  await createTandemPeople(
    db,
    records.people.map((person) => ({
      firstName: person.firstName,
      lastName: person.lastName,
      email: person.email,
      accountId: accountIds[person.account],
    })),
  );
  return { createMs: performance.now() - started, records: records.people.length + records.accounts.length };
}
