import "server-only";
import { eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { crmAccounts, crmOpportunities, crmPeople } from "@/db/schema";
import { AppError } from "@/server/errors";
import type { TRecordState } from "@/server/sync/core/sync-objects";
import type { TActivityTarget } from "./activity-schemas";
import { inactiveRecordError } from "./write-context";

/** The Tandem ids an activity relates to: its person (WhoId) and its account or opportunity (WhatId). */
export type TActivityLinks = { personId: string | null; accountId: string | null; opportunityId: string | null };

const WORDS = { person: "person", account: "account", opportunity: "opportunity" } as const;

/**
 * The records an activity logged on `target` relates to. A contact's and an opportunity's account
 * comes along (by Tandem id, or found by its Salesforce Id for pulled records), so the activity
 * shows on the account's timeline too. Only active records take new activities.
 */
export async function resolveActivityTarget(db: TDatabase, target: TActivityTarget): Promise<TActivityLinks> {
  const record = await loadTarget(db, target);
  if (!record) throw new AppError("NOT_FOUND", `No ${WORDS[target.type]} has this id. Open its page again and retry.`);
  if (record.state !== "active") throw inactiveRecordError(record.name, record.state, "nothing can be logged on it");
  const accountId = record.accountId ?? (record.accountSfId ? await accountIdOf(db, record.accountSfId) : null);
  if (target.type === "person") return { personId: record.id, accountId, opportunityId: null };
  if (target.type === "opportunity") return { personId: null, accountId, opportunityId: record.id };
  return { personId: null, accountId: record.id, opportunityId: null };
}

type TTargetRow = {
  id: string;
  name: string;
  state: TRecordState;
  accountId: string | null;
  accountSfId: string | null;
};

async function loadTarget(db: TDatabase, target: TActivityTarget): Promise<TTargetRow | undefined> {
  if (target.type === "person") {
    const person = await db
      .select({
        id: crmPeople.id,
        name: crmPeople.name,
        state: crmPeople.state,
        kind: crmPeople.kind,
        accountId: crmPeople.accountId,
        accountSfId: crmPeople.accountSfId,
      })
      .from(crmPeople)
      .where(eq(crmPeople.id, target.id))
      .get();
    // A lead has no account in Salesforce: its activities relate to it alone.
    return person && (person.kind === "lead" ? { ...person, accountId: null, accountSfId: null } : person);
  }
  if (target.type === "opportunity") {
    return db
      .select({
        id: crmOpportunities.id,
        name: crmOpportunities.name,
        state: crmOpportunities.state,
        accountId: crmOpportunities.accountId,
        accountSfId: crmOpportunities.accountSfId,
      })
      .from(crmOpportunities)
      .where(eq(crmOpportunities.id, target.id))
      .get();
  }
  const account = await db
    .select({ id: crmAccounts.id, name: crmAccounts.name, state: crmAccounts.state })
    .from(crmAccounts)
    .where(eq(crmAccounts.id, target.id))
    .get();
  return account && { ...account, accountId: null, accountSfId: null };
}

async function accountIdOf(db: TDatabase, sfId: string): Promise<string | null> {
  const account = await db.select({ id: crmAccounts.id }).from(crmAccounts).where(eq(crmAccounts.sfId, sfId)).get();
  return account?.id ?? null;
}
