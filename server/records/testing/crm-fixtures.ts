import { randomUUID } from "node:crypto";
import type { TDatabase } from "@/db/client";
import { activityLog, crmAccounts, crmOpportunities, crmPeople, salesforceConnection, syncCursors } from "@/db/schema";

/*
 * Rows for tests and for arranging a browser test's database: CRM records as a pull would leave
 * them, with only what a test cares about spelled out.
 */

type TPersonInput = Partial<typeof crmPeople.$inferInsert> & { name: string };
type TAccountInput = Partial<typeof crmAccounts.$inferInsert> & { name: string };
type TOpportunityInput = Partial<typeof crmOpportunities.$inferInsert> & { name: string };

let sequence = 0;
/** An 18-character Salesforce-looking id with the object's key prefix. */
export function fakeSalesforceId(prefix: "001" | "003" | "00Q" | "006"): string {
  sequence += 1;
  return `${prefix}${String(Date.now() % 1e9).padStart(9, "0")}${String(sequence).padStart(6, "0")}`.slice(0, 18);
}

const stamps = () => ({ createdAt: Date.now(), updatedAt: Date.now() });

export async function insertPeople(db: TDatabase, people: TPersonInput[]) {
  const rows = people.map((person) => ({
    id: randomUUID(),
    kind: "contact" as const,
    source: "pull" as const,
    fields: {},
    sfId: fakeSalesforceId(person.kind === "lead" ? "00Q" : "003"),
    emailNormalized: person.email?.toLowerCase() ?? null,
    ...stamps(),
    ...person,
  }));
  if (rows.length) await db.insert(crmPeople).values(rows);
  return rows;
}

export async function insertAccounts(db: TDatabase, accounts: TAccountInput[]) {
  const rows = accounts.map((account) => ({
    id: randomUUID(),
    source: "pull" as const,
    fields: {},
    sfId: fakeSalesforceId("001"),
    ...stamps(),
    ...account,
  }));
  if (rows.length) await db.insert(crmAccounts).values(rows);
  return rows;
}

export async function insertOpportunities(db: TDatabase, opportunities: TOpportunityInput[]) {
  const rows = opportunities.map((opportunity) => ({
    id: randomUUID(),
    source: "pull" as const,
    fields: {},
    sfId: fakeSalesforceId("006"),
    ...stamps(),
    ...opportunity,
  }));
  if (rows.length) await db.insert(crmOpportunities).values(rows);
  return rows;
}

export async function insertActivity(db: TDatabase, entries: Array<typeof activityLog.$inferInsert>) {
  if (entries.length) await db.insert(activityLog).values(entries);
}

/** A connection row as the setup wizard stores it; tokens are placeholders no code decrypts here. */
export async function insertConnection(db: TDatabase, instanceUrl = "https://acme.my.salesforce.com") {
  await db.insert(salesforceConnection).values({
    id: "default",
    environment: "production",
    loginUrl: "https://login.salesforce.com",
    instanceUrl,
    apiVersion: "62.0",
    orgId: "00D000000000001EAA",
    userId: "005000000000001AAA",
    refreshTokenEncrypted: "unused",
    status: "connected",
    connectedAt: Date.now(),
  });
}

/** Marks the first full load of these objects as finished. */
export async function finishFirstSync(db: TDatabase, objects: Array<"Account" | "Contact" | "Lead" | "Opportunity">) {
  for (const object of objects) {
    await db
      .insert(syncCursors)
      .values({ object, initialLoadAt: Date.now(), updatedAt: Date.now() })
      .onConflictDoUpdate({ target: syncCursors.object, set: { initialLoadAt: Date.now() } });
  }
}
