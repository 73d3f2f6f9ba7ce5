import { and, eq, inArray, or } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { crmAccounts, crmPeople, duplicatePairs } from "@/db/schema";
import { mergeDuplicates } from "@/server/duplicates/merge/merge-duplicates";
import { saveFieldMapping } from "@/server/mapping/save-field-mapping";
import { buildProspectDraft, type TProspectValues } from "@/server/prospects/build-prospect-draft";
import { insertProspects } from "@/server/prospects/insert-prospects";
import { addProspectsToCrm } from "@/server/records/write/add-prospects-to-crm";
import { logActivity } from "@/server/records/write/log-activity";
import { openSalesforce } from "@/server/salesforce/open-connection";
import { updatePushSettings } from "@/server/settings/update-push-settings";
import { checkOrgForPush } from "@/server/sync/push/org-push-info";
import { sleep } from "@/server/sync/testing/processes";
import type { TActivityPlan, TRoundPlan } from "./workload";

/** The rep the workload acts as (no sign-in: it calls the functions the tRPC procedures call). */
export const REP = { id: "chaos-rep", name: "Casey Rep", email: "casey.rep@tandem.example" } as const;

/**
 * What an admin sets up before the first pull: the org checked for push, push on for people (as
 * contacts), accounts, calls and emails, and tasks (PUSH-1), and the contact mapping: job title
 * auto-overwrite (MAP-3) and phone auto-fill (MAP-2).
 */
export async function setUpTandem(db: TDatabase): Promise<void> {
  const salesforce = await openSalesforce(db);
  await checkOrgForPush(db, salesforce, Date.now());
  await salesforce.flush();
  await updatePushSettings(
    db,
    { enabled: { people: true, accounts: true, activities: true, tasks: true }, peopleAs: "Contact", existing: "skip" },
    Date.now(),
  );
  await saveFieldMapping(
    db,
    {
      object: "Contact",
      entries: [
        { tandem: "title", salesforce: "Title", mode: "auto-overwrite" },
        { tandem: "phone", salesforce: "Phone", mode: "auto-fill" },
      ],
      confirmLargeWrite: true,
    },
    Date.now(),
  );
}

async function addProspects(db: TDatabase, kind: "person" | "company", rows: TProspectValues[]): Promise<string[]> {
  const { ids } = await insertProspects(
    db,
    kind,
    rows.map((values) => ({ draft: buildProspectDraft(kind, values) })),
    { source: "manual", createdBy: REP.id, createdByName: REP.name },
    Date.now(),
  );
  return ids;
}

async function targetOf(db: TDatabase, on: TActivityPlan["on"]) {
  if (on.type === "person") {
    const rows = await db
      .select({ id: crmPeople.id })
      .from(crmPeople)
      .where(and(eq(crmPeople.emailNormalized, on.email), eq(crmPeople.state, "active")));
    if (rows.length !== 1)
      throw new Error(`expected one person with email ${on.email} in Tandem, found ${rows.length}`);
    return { type: "person" as const, id: rows[0]!.id };
  }
  const rows = await db
    .select({ id: crmAccounts.id })
    .from(crmAccounts)
    .where(and(eq(crmAccounts.name, on.name), eq(crmAccounts.state, "active")));
  if (rows.length !== 1) throw new Error(`expected one account named ${on.name} in Tandem, found ${rows.length}`);
  return { type: "account" as const, id: rows[0]!.id };
}

function activityInput(plan: TActivityPlan, on: { type: "person" | "account"; id: string }) {
  if (plan.kind === "call") return { kind: "call" as const, on, subject: plan.subject, durationMinutes: 5 };
  if (plan.kind === "email") return { kind: "email" as const, on, subject: plan.subject, body: "Following up." };
  return { kind: "task" as const, on, subject: plan.subject, dueDate: "2030-01-15" };
}

/**
 * DUP-3 with "also merge in Salesforce" on the pair the workload made: the contact whose title is
 * `survivorTitle` survives. Salesforce may refuse or fail (faults): nothing changes in Tandem then,
 * and the rep tries again, as one would.
 */
async function mergePair(db: TDatabase, merge: NonNullable<TRoundPlan["rep"]["merge"]>) {
  const people = await db
    .select({ id: crmPeople.id, title: crmPeople.title })
    .from(crmPeople)
    .where(and(eq(crmPeople.emailNormalized, merge.email), eq(crmPeople.state, "active")));
  const ids = people.map((person) => person.id);
  const [pair] = await db
    .select()
    .from(duplicatePairs)
    .where(
      and(
        eq(duplicatePairs.state, "open"),
        or(
          and(inArray(duplicatePairs.aId, ids), inArray(duplicatePairs.bId, ids)),
          and(inArray(duplicatePairs.bId, ids), inArray(duplicatePairs.aId, ids)),
        ),
      ),
    );
  if (!pair)
    throw new Error(`no open potential duplicate between the ${people.length} people with email ${merge.email}`);
  const keeper = people.find((person) => person.title === merge.survivorTitle);
  const survivor = pair.aId === keeper?.id ? "a" : "b";
  for (let attempt = 1; ; attempt++) {
    try {
      await mergeDuplicates(db, { pairId: pair.id, survivor, alsoMergeInSalesforce: true }, REP, Date.now());
      return;
    } catch (error) {
      if (attempt >= 20) throw error;
      await sleep(500);
    }
  }
}

/**
 * One round of what reps do in Tandem: prospects imported (some match contacts already in the CRM,
 * PULL-3, and feed the mapping), new people and their company added to the CRM ("Add to CRM"),
 * calls, emails and tasks logged, and in one round the duplicate pair merged.
 */
export async function doRepActions(db: TDatabase, rep: TRoundPlan["rep"]): Promise<void> {
  await addProspects(
    db,
    "person",
    rep.matchingProspects.map(({ name, email, title, phone }) => ({ name, email, title, phone })),
  );
  const companyIds = await addProspects(db, "company", [rep.newCompany]);
  const peopleIds = await addProspects(
    db,
    "person",
    rep.newPeople.map(({ name, email, title, company }) => ({ name, email, title, company })),
  );
  // The company first, so its people find its new account.
  await addProspectsToCrm(db, { ids: companyIds }, {}, REP, Date.now());
  await addProspectsToCrm(db, { ids: peopleIds }, { as: "contact" }, REP, Date.now());
  for (const activity of rep.activities)
    await logActivity(db, activityInput(activity, await targetOf(db, activity.on)), REP, Date.now());
  if (rep.merge) await mergePair(db, rep.merge);
}
