import "server-only";
import type { InStatement } from "@libsql/client";
import { and, asc, eq, gt, inArray, isNull } from "drizzle-orm";
import { buildInsertStatements, prefersJsonRows } from "@/db/bulk-insert";
import type { TDatabase } from "@/db/client";
import { activityLog, crmAccounts, crmPeople, prospects } from "@/db/schema";
import { toStatement } from "@/db/statements";
import { newId } from "@/server/ids";
import { enqueuePushStatement } from "@/server/sync/push/enqueue";
import { prospectMarkQueries } from "@/server/sync/pull/prospect-marks";
import { KEYS_PER_QUERY, selectInChunks } from "@/server/sync/pull/select-in-chunks";
import { MAX_PROBLEMS, type TAddToCrmResult } from "./form-schemas";
import { companyNameKey, loadCompanyAccounts } from "./match-company-account";
import { defaultLeadStatus } from "./new-records";
import {
  planAddToCrmChunk,
  type TAddToCrmRun,
  type TChunkPlan,
  type TExistingPerson,
  type TProspectRow,
} from "./plan-add-to-crm";
import { commitWrite, loadWriteContext, type TWriteUser } from "./write-context";

export type TAddToCrmTarget = { ids: readonly string[] } | { all: true };

/** Prospects per read and per batch: one IN list each, and batches of a moderate size. */
const CHUNK = KEYS_PER_QUERY;
/** A selection up to this size is a rep's own action, pushed before background work. */
const INTERACTIVE_SELECTION = 50;

/**
 * "Add to CRM", as PULL-3 does for pulled records: each prospect becomes a CRM record created in
 * Tandem — a person as a contact or a lead (`as`, else the workspace's choice), a company as an
 * account — linked back to the prospect, which then leaves prospecting lists. Each chunk of ~500
 * prospects is read with a few IN queries and written, with its activity log and outbox rows, in
 * one batch. `all` walks the prospects not in the CRM yet (so linked ones are not counted),
 * companies first so that people find their company's new account. What each prospect becomes is
 * decided in planAddToCrmChunk. The CLI (`prospects add-to-crm`) prints created, skipped and
 * alreadyInCrm.
 */
export async function addProspectsToCrm(
  db: TDatabase,
  target: TAddToCrmTarget,
  options: { as?: "contact" | "lead" },
  user: TWriteUser,
  now: number,
): Promise<TAddToCrmResult> {
  const context = await loadWriteContext(db, user);
  const interactive = "ids" in target && target.ids.length <= INTERACTIVE_SELECTION;
  const run: TAddToCrmRun = {
    as: options.as ?? (context.push.people.as === "Lead" ? "lead" : "contact"),
    context,
    user,
    now,
    priority: interactive ? 1 : 0,
    leadStatus: defaultLeadStatus(context),
    newId: () => newId(now),
  };
  const result: TAddToCrmResult = {
    created: 0,
    skipped: 0,
    alreadyInCrm: 0,
    accountsCreated: 0,
    withoutAccount: 0,
    problems: [],
  };
  const addChunk = async (ids: readonly string[], rows?: TProspectRow[]) => {
    const plan = await commitChunk(db, run, ids, rows);
    result.created += plan.counts.created;
    result.alreadyInCrm += plan.counts.alreadyInCrm;
    result.accountsCreated += plan.counts.accountsCreated;
    result.withoutAccount += plan.counts.withoutAccount;
    result.skipped += plan.problems.length;
    result.problems.push(...plan.problems.slice(0, MAX_PROBLEMS - result.problems.length));
  };

  if ("all" in target) {
    for (const kind of ["company", "person"] as const) {
      let after = "";
      for (;;) {
        const page = await unlinkedPage(db, kind, after);
        if (page.length === 0) break;
        after = page.at(-1)?.id ?? after;
        await addChunk(
          page.map((row) => row.id),
          page,
        );
        if (page.length < CHUNK) break;
      }
    }
    return result;
  }

  const ids = [...new Set(target.ids)];
  const kinds = await selectInChunks(ids, (slice) =>
    db.select({ id: prospects.id, kind: prospects.kind }).from(prospects).where(inArray(prospects.id, slice)),
  );
  const known = new Set(kinds.map((row) => row.id));
  for (const id of ids) {
    if (known.has(id)) continue;
    result.skipped++;
    if (result.problems.length < MAX_PROBLEMS)
      result.problems.push({ id, reason: "No prospect has this id any more." });
  }
  const ordered = [
    ...kinds.filter((row) => row.kind === "company"),
    ...kinds.filter((row) => row.kind === "person"),
  ].map((row) => row.id);
  for (let start = 0; start < ordered.length; start += CHUNK) {
    await addChunk(ordered.slice(start, start + CHUNK));
  }
  return result;
}

/**
 * Plans and writes one chunk. A batch refused because another run just added one of its
 * prospects (the same derived record id) is planned again from fresh reads: that prospect is
 * then in the CRM already.
 */
async function commitChunk(
  db: TDatabase,
  run: TAddToCrmRun,
  ids: readonly string[],
  rows?: TProspectRow[],
): Promise<TChunkPlan> {
  for (let attempt = 1; ; attempt++) {
    const chunk = attempt === 1 && rows ? rows : await loadProspects(db, ids);
    const plan = planAddToCrmChunk(run, chunk, await loadExisting(db, chunk));
    try {
      const statements = planStatements(db, plan, run.now);
      if (statements.length > 0) await commitWrite(db, statements);
      return plan;
    } catch (error) {
      if (attempt >= 2 || !isRecordIdConflict(error)) throw error;
    }
  }
}

function planStatements(db: TDatabase, plan: TChunkPlan, now: number): InStatement[] {
  const rowsAsJson = prefersJsonRows(db);
  return [
    // Accounts before the people who point at them.
    ...buildInsertStatements(crmAccounts, plan.accounts, { rowsAsJson }),
    ...buildInsertStatements(crmPeople, plan.people, { rowsAsJson }),
    ...prospectMarkQueries(db, plan.marks, now).map(toStatement),
    ...buildInsertStatements(
      activityLog,
      plan.activity.map((entry) => ({ ...entry, details: entry.details ?? null })),
      { rowsAsJson },
    ),
    ...plan.pushes.map(enqueuePushStatement),
  ];
}

function isRecordIdConflict(error: unknown): boolean {
  return error instanceof Error && /UNIQUE constraint failed: crm_(people|accounts)\.id/.test(error.message);
}

function unlinkedPage(db: TDatabase, kind: "person" | "company", after: string) {
  return db
    .select()
    .from(prospects)
    .where(and(eq(prospects.kind, kind), isNull(prospects.crmRecordId), gt(prospects.id, after)))
    .orderBy(asc(prospects.id))
    .limit(CHUNK);
}

function loadProspects(db: TDatabase, ids: readonly string[]): Promise<TProspectRow[]> {
  return selectInChunks(ids, (slice) => db.select().from(prospects).where(inArray(prospects.id, slice)));
}

/** What the chunk's prospects may already be: active people by email, active accounts by domain or name. */
async function loadExisting(db: TDatabase, chunk: readonly TProspectRow[]) {
  const emails = new Set<string>();
  const domains = new Set<string>();
  const names = new Set<string>();
  for (const prospect of chunk) {
    if (prospect.crmRecordId) continue;
    if (prospect.emailNormalized) emails.add(prospect.emailNormalized);
    if (prospect.domainNormalized) domains.add(prospect.domainNormalized);
    const company = prospect.kind === "company" ? prospect.name : prospect.company;
    if (company) names.add(companyNameKey(company));
  }
  const [people, accounts] = await Promise.all([
    selectInChunks([...emails], (slice) =>
      db
        .select({
          id: crmPeople.id,
          name: crmPeople.name,
          kind: crmPeople.kind,
          emailNormalized: crmPeople.emailNormalized,
        })
        .from(crmPeople)
        .where(and(inArray(crmPeople.emailNormalized, slice), eq(crmPeople.state, "active"))),
    ),
    loadCompanyAccounts(db, { domains: [...domains], names: [...names] }),
  ]);
  return {
    people: people.flatMap((person): TExistingPerson[] =>
      person.emailNormalized ? [{ ...person, emailNormalized: person.emailNormalized }] : [],
    ),
    accounts,
  };
}
