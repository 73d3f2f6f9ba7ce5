import "server-only";
import type { InStatement } from "@libsql/client";
import { eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { crmAccounts, crmOpportunities, crmPeople } from "@/db/schema";
import { toStatement } from "@/db/statements";
import { AppError } from "@/server/errors";
import { normalizeDomain, normalizeEmailAddress } from "@/server/sync/core/normalize";
import {
  ACCOUNT_PUSH_FIELDS,
  changedSalesforceFields,
  CONTACT_PUSH_FIELDS,
  LEAD_PUSH_FIELDS,
  OPPORTUNITY_PUSH_FIELDS,
  type TColumnFieldMap,
} from "@/server/sync/core/push-fields";
import type { TPushKind, TPushRecordType, TPushState } from "@/server/sync/core/push-kinds";
import type { TRecordState } from "@/server/sync/core/sync-objects";
import { dropQueuedFieldValues, manualChoiceStatements } from "@/server/sync/push/enqueue-field-writes";
import { enqueuePushStatement, retryingErrorsStatement } from "@/server/sync/push/enqueue";
import { labelFromApiName } from "../salesforce-fields";
import { checkStage } from "./create-opportunity";
import { editOperation } from "./edit-operation";
import { personName } from "./new-records";
import { type TRecordUpdateInput, type TRecordUpdateResult, ZRecordUpdateSchema } from "./schemas";
import {
  activityStatement,
  commitWrite,
  inactiveRecordError,
  loadWriteContext,
  pushStateOfEdit,
  type TWriteContext,
  type TWriteUser,
} from "./write-context";

const WORDS = { person: "person", account: "account", opportunity: "opportunity" } as const;

/**
 * An edit of a person, account or opportunity from its profile. Only the fields that changed are
 * written and queued for Salesforce (by their Salesforce names), with the record's activity log
 * entry, in one batch. The edit joins the record's open outbox row (PUSH-2 coalescing) and puts a
 * failed push back in the queue: editing is how a rejected record gets fixed (its error becomes
 * `retrying`). Nothing changed: nothing is written.
 */
export async function updateRecord(
  db: TDatabase,
  rawInput: TRecordUpdateInput,
  user: TWriteUser,
  now: number,
): Promise<TRecordUpdateResult> {
  const planned = await planRecordUpdate(db, rawInput, user, now);
  if (planned.statements.length > 0) await commitWrite(db, planned.statements);
  return planned.result;
}

type TPlannedUpdate = { statements: InStatement[]; result: TRecordUpdateResult };

/** The statements of an edit (none when nothing changed), for a caller that commits them with its own. */
export async function planRecordUpdate(
  db: TDatabase,
  rawInput: TRecordUpdateInput,
  user: TWriteUser,
  now: number,
): Promise<TPlannedUpdate> {
  const input = ZRecordUpdateSchema.parse(rawInput);
  const context = await loadWriteContext(db, user);
  if (input.type === "person") {
    const row = await db.select().from(crmPeople).where(eq(crmPeople.id, input.id)).get();
    const before = editable(row, input.type);
    if (input.values.company !== undefined && before.kind === "contact") {
      throw new AppError("BAD_REQUEST", "company: a contact's company is its account. Edit the company of leads only.");
    }
    const edit = diff(before.kind === "lead" ? LEAD_PUSH_FIELDS : CONTACT_PUSH_FIELDS, before, input.values);
    if (edit.fields.length === 0) return { statements: [], result: { changed: [], pushState: before.pushState } };
    const next = { ...before, ...edit.set };
    const set = {
      ...edit.set,
      name: "firstName" in edit.set || "lastName" in edit.set ? personName(next.firstName, next.lastName) : before.name,
      emailNormalized: normalizeEmailAddress(next.email),
    };
    return commitEdit(db, { type: "person", kind: "people", before, edit, context, user, now }, (pushState) =>
      db
        .update(crmPeople)
        .set({ ...set, pushState, updatedAt: now })
        .where(eq(crmPeople.id, before.id)),
    );
  }
  if (input.type === "account") {
    const row = await db.select().from(crmAccounts).where(eq(crmAccounts.id, input.id)).get();
    const before = editable(row, input.type);
    const edit = diff(ACCOUNT_PUSH_FIELDS, before, input.values);
    if (edit.fields.length === 0) return { statements: [], result: { changed: [], pushState: before.pushState } };
    const domainNormalized = normalizeDomain({ ...before, ...edit.set }.website);
    return commitEdit(db, { type: "account", kind: "accounts", before, edit, context, user, now }, (pushState) =>
      db
        .update(crmAccounts)
        .set({ ...edit.set, domainNormalized, pushState, updatedAt: now })
        .where(eq(crmAccounts.id, before.id)),
    );
  }
  const row = await db.select().from(crmOpportunities).where(eq(crmOpportunities.id, input.id)).get();
  const before = editable(row, input.type);
  const edit = diff(OPPORTUNITY_PUSH_FIELDS, before, input.values);
  if (edit.fields.length === 0) return { statements: [], result: { changed: [], pushState: before.pushState } };
  if (edit.set.stageName) checkStage(context.pushInfo, edit.set.stageName);
  return commitEdit(db, { type: "opportunity", kind: "opportunities", before, edit, context, user, now }, (pushState) =>
    db
      .update(crmOpportunities)
      .set({ ...edit.set, pushState, updatedAt: now })
      .where(eq(crmOpportunities.id, before.id)),
  );
}

type TEditableRow = {
  id: string;
  name: string;
  sfId: string | null;
  state: TRecordState;
  pushState: TPushState | null;
};

/** Only an active record can be edited: a deleted or merged one no longer syncs. */
function editable<T extends TEditableRow>(row: T | undefined, type: keyof typeof WORDS): T {
  if (!row) throw new AppError("NOT_FOUND", `No ${WORDS[type]} has this id. Open its page again and retry.`);
  if (row.state !== "active") throw inactiveRecordError(row.name, row.state, "it cannot be edited");
  return row;
}

type TEdit<T> = {
  /** The Salesforce fields that changed. */
  fields: string[];
  /** The columns that changed, with their new values. */
  set: Partial<T>;
  changes: Array<{ field: string; from: unknown; to: unknown }>;
};

/** The columns of `after` whose value differs from `before`, as columns and as Salesforce fields. */
function diff<T extends Record<string, unknown>>(map: TColumnFieldMap, before: T, after: Partial<T>): TEdit<T> {
  const given = Object.fromEntries(Object.entries(after).filter(([, value]) => value !== undefined)) as Partial<T>;
  const fields = changedSalesforceFields(map, before, given);
  const set: Partial<T> = {};
  const changes: TEdit<T>["changes"] = [];
  for (const [column, field] of Object.entries(map)) {
    if (!fields.includes(field) || !(column in given)) continue;
    const key = column as keyof T;
    set[key] = given[key];
    changes.push({ field, from: before[key] ?? null, to: given[key] ?? null });
  }
  return { fields, set, changes };
}

async function commitEdit<T extends TEditableRow>(
  db: TDatabase,
  input: {
    type: TPushRecordType;
    kind: TPushKind;
    before: T;
    edit: TEdit<T>;
    context: TWriteContext;
    user: TWriteUser;
    now: number;
  },
  recordUpdate: (pushState: TPushState | null) => { toSQL(): { sql: string; params: unknown[] } },
): Promise<TPlannedUpdate> {
  const { type, kind, before, edit, context, user, now } = input;
  const pushState = pushStateOfEdit(context.push, kind, before);
  const operation = await editOperation(db, type, before);
  const statements: InStatement[] = [
    toStatement(recordUpdate(pushState)),
    activityStatement(db, {
      recordType: type,
      recordId: before.id,
      at: now,
      event: "edited-in-tandem",
      message: `Edited in Tandem by ${user.name}: ${edit.fields.map(labelFromApiName).join(", ")}.`,
      details: { changes: edit.changes },
    }),
    enqueuePushStatement({
      recordType: type,
      recordId: before.id,
      kind,
      operation,
      fields: edit.fields,
      priority: 1,
      createdBy: user.id,
      now,
    }),
    retryingErrorsStatement(type, before.id, now),
    // MAP-5: a rep's own value for a field is a manual choice field mapping never overwrites.
    ...(type === "person" || type === "account"
      ? [
          ...dropQueuedFieldValues(type, before.id, edit.fields),
          ...manualChoiceStatements(
            edit.changes.map((change) => ({
              recordType: type,
              recordId: before.id,
              field: change.field,
              value: change.to === null || change.to === undefined ? null : String(change.to),
            })),
            { source: "rep-edit", now, byUserId: user.id },
          ),
        ]
      : []),
  ];
  return { statements, result: { changed: edit.fields, pushState } };
}
