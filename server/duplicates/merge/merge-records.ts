import "server-only";
import { eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { crmAccounts, crmPeople, prospects } from "@/db/schema";
import { AppError } from "@/server/errors";
import type { TRecordRef } from "../duplicate-vocabulary";
import { MERGE_FIELDS, type TMergeKind } from "./merge-fields";

/** A record as the merge dialog and the merge itself read it. */
export type TMergeRecord = {
  ref: TRecordRef;
  kind: TMergeKind;
  name: string;
  /** The Salesforce object and Id it is linked to (CRM records that reached Salesforce). */
  sfObject: "Contact" | "Lead" | "Account" | null;
  sfId: string | null;
  /** A contact's account in Salesforce, for converting a lead into it. */
  accountSfId: string | null;
  /** A prospect linked to a CRM record already (PULL-3). */
  linkedTo: TRecordRef | null;
  values: Record<string, string | null>;
  href: string | null;
  createdAt: number;
};

const pick = (row: Record<string, unknown>, kind: TMergeKind) =>
  Object.fromEntries(
    MERGE_FIELDS[kind].map((field) => {
      const value = row[field.key];
      return [field.key, typeof value === "string" && value.trim() !== "" ? value : null];
    }),
  );

/** One record of a pair, active; a record merged, deleted or removed since cannot be merged. */
export async function loadMergeRecord(db: TDatabase, ref: TRecordRef): Promise<TMergeRecord> {
  const gone = () =>
    new AppError("NOT_FOUND", "One of these records was merged, deleted or removed since. Reload the review queue.");
  if (ref.type === "person") {
    const row = await db.select().from(crmPeople).where(eq(crmPeople.id, ref.id)).get();
    if (!row || row.state !== "active") throw gone();
    return {
      ref,
      kind: row.kind,
      name: row.name,
      sfObject: row.sfId ? (row.kind === "contact" ? "Contact" : "Lead") : null,
      sfId: row.sfId,
      accountSfId: row.accountSfId,
      linkedTo: null,
      values: pick(row, row.kind),
      href: `/people/${encodeURIComponent(row.id)}`,
      createdAt: row.createdAt,
    };
  }
  if (ref.type === "account") {
    const row = await db.select().from(crmAccounts).where(eq(crmAccounts.id, ref.id)).get();
    if (!row || row.state !== "active") throw gone();
    return {
      ref,
      kind: "account",
      name: row.name,
      sfObject: row.sfId ? "Account" : null,
      sfId: row.sfId,
      accountSfId: null,
      linkedTo: null,
      values: pick(row, "account"),
      href: `/accounts/${encodeURIComponent(row.id)}`,
      createdAt: row.createdAt,
    };
  }
  const row = await db.select().from(prospects).where(eq(prospects.id, ref.id)).get();
  if (!row) throw gone();
  const search = new URLSearchParams({ kind: row.kind, q: row.email ?? row.name });
  return {
    ref,
    kind: row.kind,
    name: row.name,
    sfObject: null,
    sfId: null,
    accountSfId: null,
    linkedTo:
      row.crmRecordId && row.crmRecordType
        ? { type: row.crmRecordType === "person" ? "person" : "account", id: row.crmRecordId }
        : null,
    values: pick(row, row.kind),
    href: `/people/prospects?${search.toString()}`,
    createdAt: row.createdAt,
  };
}
