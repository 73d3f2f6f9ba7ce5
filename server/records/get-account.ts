import "server-only";
import { eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { crmAccounts } from "@/db/schema";
import { AppError } from "@/server/errors";
import { getRecordsWorkspace, isVisible } from "./get-records-workspace";
import { profileBase } from "./profile-base";
import type { TAccountProfileResult } from "./profile-schemas";
import { typedField } from "./salesforce-fields";

/** An account's profile, whatever its state, so old links still open. */
export async function getAccount(db: TDatabase, id: string): Promise<TAccountProfileResult> {
  const [row, workspace] = await Promise.all([
    db.select().from(crmAccounts).where(eq(crmAccounts.id, id)).get(),
    getRecordsWorkspace(db),
  ]);
  if (!row) throw new AppError("NOT_FOUND", "No account has this id. It may have been removed from Tandem.");
  if (!isVisible(workspace, "Account")) return { status: "hidden", object: "Account" };
  const survivor = row.mergedIntoId
    ? await db
        .select({ id: crmAccounts.id, name: crmAccounts.name })
        .from(crmAccounts)
        .where(eq(crmAccounts.id, row.mergedIntoId))
        .get()
    : undefined;
  const summary = [
    typedField("website", "Website", row.website, "url"),
    typedField("industry", "Industry", row.industry),
    typedField("type", "Type", row.type),
    typedField("phone", "Phone", row.phone, "phone"),
    typedField("city", "City", row.city),
    typedField("country", "Country", row.country),
  ];
  return {
    status: "ok",
    profile: {
      ...profileBase(row, "Account", "account", workspace, summary, survivor ?? null),
      type: "account",
      website: row.website,
    },
  };
}
