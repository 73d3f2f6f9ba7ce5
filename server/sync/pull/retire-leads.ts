import type { InStatement } from "@libsql/client";
import { and, eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { activityLog, crmPeople, prospects } from "@/db/schema";
import { toStatement } from "@/db/statements";
import type { TLeadRetirement } from "../core/plan-lead-retirement";

/**
 * PULL-4: a retired lead is kept, hidden, and points at its contact; when the contact is in Tandem,
 * the lead's history and prospect links move to it. Run before the page's new activity entries,
 * so the lead's own "retired" entry stays on the lead.
 */
export function leadRetirementStatements(
  db: TDatabase,
  retirements: readonly TLeadRetirement[],
  now: number,
): InStatement[] {
  const statements: InStatement[] = [];
  for (const { leadId, contactId } of retirements) {
    statements.push(
      toStatement(
        db
          .update(crmPeople)
          .set({ state: "retired", mergedIntoId: contactId, updatedAt: now })
          .where(eq(crmPeople.id, leadId)),
      ),
    );
    if (!contactId) continue;
    statements.push(
      toStatement(
        db
          .update(activityLog)
          .set({ recordId: contactId })
          .where(and(eq(activityLog.recordType, "person"), eq(activityLog.recordId, leadId))),
      ),
      toStatement(
        db
          .update(prospects)
          .set({ crmRecordId: contactId, updatedAt: now })
          .where(and(eq(prospects.crmRecordType, "person"), eq(prospects.crmRecordId, leadId))),
      ),
    );
  }
  return statements;
}
