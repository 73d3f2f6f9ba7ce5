import "server-only";
import { eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { crmAccounts, crmOpportunities, crmPeople } from "@/db/schema";
import { AppError } from "@/server/errors";
import { getRecordsWorkspace, isVisible } from "./get-records-workspace";
import type { TRelated } from "./profile-schemas";
import type { TRecordType } from "./record-schemas";
import { accountRecord, contactsOfAccount, findAccount, opportunitiesOfAccount } from "./related-lists";

/**
 * The records around a profile: a person's account and its opportunities; an account's contacts
 * and opportunities; an opportunity's account and its contacts. PULL-2 leaves hidden objects out,
 * marking their lists hidden so the page can say so.
 */
export async function getRelated(db: TDatabase, type: TRecordType, id: string): Promise<TRelated> {
  const workspace = await getRecordsWorkspace(db);
  if (type === "account") {
    const row = await db
      .select({ id: crmAccounts.id, sfId: crmAccounts.sfId })
      .from(crmAccounts)
      .where(eq(crmAccounts.id, id))
      .get();
    if (!row) throw new AppError("NOT_FOUND", "No account has this id.");
    const account = { id: row.id, sfId: row.sfId };
    const lists = await Promise.all([
      contactsOfAccount(db, workspace, account),
      opportunitiesOfAccount(db, workspace, account),
    ]);
    return { account: null, accountHidden: false, lists };
  }

  const table = type === "person" ? crmPeople : crmOpportunities;
  const row = await db
    .select({ accountSfId: table.accountSfId, accountId: table.accountId })
    .from(table)
    .where(eq(table.id, id))
    .get();
  if (!row) throw new AppError("NOT_FOUND", `No ${type} has this id.`);
  const account = await findAccount(db, workspace, row);
  const list = await (type === "person"
    ? opportunitiesOfAccount(db, workspace, account)
    : contactsOfAccount(db, workspace, account));
  return {
    account: account ? accountRecord(workspace, account) : null,
    accountHidden: (row.accountSfId !== null || row.accountId !== null) && !isVisible(workspace, "Account"),
    lists: [list],
  };
}
