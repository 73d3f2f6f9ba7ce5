import "server-only";
import { eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { crmPeople } from "@/db/schema";
import { AppError } from "@/server/errors";
import { findAccount } from "./related-lists";
import { getRecordsWorkspace, isVisible } from "./get-records-workspace";
import { profileBase } from "./profile-base";
import type { TPersonProfileResult } from "./profile-schemas";
import { typedField } from "./salesforce-fields";

/** A contact's or lead's profile, whatever its state, so old links still open. */
export async function getPerson(db: TDatabase, id: string): Promise<TPersonProfileResult> {
  const [row, workspace] = await Promise.all([
    db.select().from(crmPeople).where(eq(crmPeople.id, id)).get(),
    getRecordsWorkspace(db),
  ]);
  if (!row) throw new AppError("NOT_FOUND", "No person has this id. It may have been removed from Tandem.");
  const object = row.kind === "contact" ? "Contact" : "Lead";
  if (!isVisible(workspace, object)) return { status: "hidden", object };

  const [survivor, account] = await Promise.all([
    row.mergedIntoId
      ? db
          .select({ id: crmPeople.id, name: crmPeople.name })
          .from(crmPeople)
          .where(eq(crmPeople.id, row.mergedIntoId))
          .get()
      : undefined,
    findAccount(db, workspace, row),
  ]);
  const summary = [
    typedField("title", "Title", row.title),
    typedField("email", "Email", row.email, "email"),
    typedField("phone", "Phone", row.phone, "phone"),
    row.kind === "lead"
      ? typedField("company", "Company", row.company)
      : typedField("account", "Account", account?.name ?? row.company),
    ...(row.kind === "lead"
      ? [
          typedField("leadStatus", "Lead status", row.leadStatus),
          typedField("leadSource", "Lead source", row.leadSource),
        ]
      : [typedField("leadSource", "Lead source", row.leadSource)]),
  ];
  return {
    status: "ok",
    profile: {
      ...profileBase(row, object, "person", workspace, summary, survivor ?? null),
      type: "person",
      kind: row.kind,
      title: row.title,
      firstName: row.firstName,
      lastName: row.lastName,
    },
  };
}
