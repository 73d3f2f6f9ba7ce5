import "server-only";
import { eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { crmOpportunities } from "@/db/schema";
import { AppError } from "@/server/errors";
import { findAccount } from "./related-lists";
import { getRecordsWorkspace, isVisible } from "./get-records-workspace";
import { profileBase } from "./profile-base";
import type { TOpportunityProfileResult } from "./profile-schemas";
import { typedField } from "./salesforce-fields";

function statusOf(isClosed: boolean | null, isWon: boolean | null): string | null {
  if (isClosed === null) return null;
  if (!isClosed) return "Open";
  return isWon ? "Won" : "Lost";
}

/** An opportunity's profile, whatever its state, so old links still open. */
export async function getOpportunity(db: TDatabase, id: string): Promise<TOpportunityProfileResult> {
  const [row, workspace] = await Promise.all([
    db.select().from(crmOpportunities).where(eq(crmOpportunities.id, id)).get(),
    getRecordsWorkspace(db),
  ]);
  if (!row) throw new AppError("NOT_FOUND", "No opportunity has this id. It may have been removed from Tandem.");
  if (!isVisible(workspace, "Opportunity")) return { status: "hidden", object: "Opportunity" };
  const [survivor, account] = await Promise.all([
    row.mergedIntoId
      ? db
          .select({ id: crmOpportunities.id, name: crmOpportunities.name })
          .from(crmOpportunities)
          .where(eq(crmOpportunities.id, row.mergedIntoId))
          .get()
      : undefined,
    findAccount(db, workspace, row),
  ]);
  const summary = [
    typedField("account", "Account", account?.name),
    typedField("stage", "Stage", row.stageName),
    typedField("status", "Status", statusOf(row.isClosed, row.isWon)),
    typedField("amount", "Amount", row.amount, "currency"),
    typedField("probability", "Probability", row.probability, "percent"),
    typedField("closeDate", "Close date", row.closeDate, "date"),
  ];
  return {
    status: "ok",
    profile: {
      ...profileBase(row, "Opportunity", "opportunity", workspace, summary, survivor ?? null),
      type: "opportunity",
      stage: row.stageName,
    },
  };
}
