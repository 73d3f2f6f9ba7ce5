import "server-only";
import { createHash } from "node:crypto";
import type { prospects } from "@/db/schema";
import type { TActivityEntry } from "@/server/sync/core/activity-events";
import { normalizeEmailAddress } from "@/server/sync/core/normalize";
import type { TPlannedProspectMark } from "@/server/sync/core/plan-prospect-marks";
import type { TEnqueueInput } from "@/server/sync/push/enqueue";
import { SALESFORCE_LENGTHS as MAX } from "./input-fields";
import { companyNameKey, matchCompanyAccount, type TCompanyAccount } from "./match-company-account";
import {
  createdEntry,
  createPush,
  newAccountRow,
  newPersonRow,
  type TNewAccountRow,
  type TNewPersonRow,
} from "./new-records";
import type { TWriteContext, TWriteUser } from "./write-context";

export type TProspectRow = typeof prospects.$inferSelect;
/** An active CRM person with an email a prospect may already be. */
export type TExistingPerson = { id: string; name: string; kind: "contact" | "lead"; emailNormalized: string };

export type TAddToCrmRun = {
  as: "contact" | "lead";
  context: TWriteContext;
  user: TWriteUser;
  now: number;
  /** 1 for a rep's own small selection, 0 for bulk work (sent after reps' actions). */
  priority: number;
  leadStatus: string | null;
  newId: () => string;
};

export type TChunkPlan = {
  accounts: TNewAccountRow[];
  people: TNewPersonRow[];
  marks: TPlannedProspectMark[];
  activity: TActivityEntry[];
  pushes: TEnqueueInput[];
  counts: { created: number; alreadyInCrm: number; accountsCreated: number; withoutAccount: number };
  problems: Array<{ id: string; reason: string }>;
};

/**
 * The CRM record made from a prospect has an id derived from the prospect (and its version): two
 * "Add to CRM" runs over one prospect at once (a double click) plan the same id, so the second
 * batch fails on the primary key and writes nothing, instead of making a second record.
 */
export function recordIdOfProspect(prospect: Pick<TProspectRow, "id" | "updatedAt">): string {
  const hex = createHash("sha256").update(`add-to-crm:${prospect.id}:${prospect.updatedAt}`).digest("hex");
  const variant = ((Number.parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * "Add to CRM" for one chunk of prospects, planned without the database: companies first (so the
 * people of a company find its new account), then people.
 *
 * - A prospect already linked, or whose email (people) or domain (companies) an active CRM record
 *   has, is linked to that record and counted `alreadyInCrm` (PULL-3: the first record wins).
 * - A company becomes an account. A person becomes a contact or a lead; a contact gets the one
 *   account with its company's domain or name, or a new account (one per company, however many
 *   of its people are added); when several accounts match, none is chosen (`withoutAccount`).
 * - A prospect Salesforce would refuse (no last name, a lead without a company, a value over
 *   Salesforce's length) is skipped with the reason.
 */
export function planAddToCrmChunk(
  run: TAddToCrmRun,
  chunk: readonly TProspectRow[],
  existing: { people: readonly TExistingPerson[]; accounts: readonly TCompanyAccount[] },
): TChunkPlan {
  const plan: TChunkPlan = {
    accounts: [],
    people: [],
    marks: [],
    activity: [],
    pushes: [],
    counts: { created: 0, alreadyInCrm: 0, accountsCreated: 0, withoutAccount: 0 },
    problems: [],
  };
  const accounts: TCompanyAccount[] = [...existing.accounts];
  const peopleByEmail = new Map<string, TExistingPerson>();
  // Contacts before leads, as PULL-4 would keep them.
  for (const person of [...existing.people].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === "contact" ? -1 : 1)))
    if (!peopleByEmail.has(person.emailNormalized)) peopleByEmail.set(person.emailNormalized, person);

  const ordered = [...chunk].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === "company" ? -1 : 1));
  for (const prospect of ordered) {
    if (prospect.crmRecordId) {
      plan.counts.alreadyInCrm++;
    } else if (prospect.kind === "company") {
      addCompany(run, plan, prospect, accounts);
    } else {
      addPerson(run, plan, prospect, accounts, peopleByEmail);
    }
  }
  return plan;
}

function addCompany(run: TAddToCrmRun, plan: TChunkPlan, prospect: TProspectRow, accounts: TCompanyAccount[]) {
  const domain = prospect.domainNormalized;
  const byDomain = domain ? accounts.filter((account) => account.domainNormalized === domain) : [];
  const byName = domain
    ? []
    : accounts.filter((account) => companyNameKey(account.name) === companyNameKey(prospect.name));
  const found = byDomain[0] ?? (byName.length === 1 ? byName[0] : undefined);
  if (found) {
    linkToExisting(run, plan, prospect, { type: "account", id: found.id, label: "account", name: found.name }, domain);
    return;
  }
  const problem = tooLong([
    ["company name", prospect.name, MAX.accountName],
    ["website", prospect.website, MAX.website],
    ["industry", prospect.industry, MAX.industry],
    ["phone", prospect.phone, MAX.phone],
    ["city", prospect.city, MAX.city],
    ["country", prospect.country, MAX.country],
  ]);
  if (problem || !prospect.name.trim()) {
    plan.problems.push({ id: prospect.id, reason: problem ?? "No company name: add it to the prospect." });
    return;
  }
  const account = newAccountRow(recordIdOfProspect(prospect), prospect, run.context, run.user, run.now);
  accounts.push(account);
  plan.accounts.push(account);
  plan.pushes.push(createPush("account", account.id, "accounts", run.user, run.now, run.priority));
  plan.activity.push(
    createdEntry(
      { recordType: "account", recordId: account.id, kind: "accounts", pushState: account.pushState },
      "added-to-crm",
      `Added to the CRM from a prospect by ${run.user.name}.`,
      run.now,
    ),
  );
  linkCreated(run, plan, prospect, { type: "account", id: account.id, label: "account", name: account.name });
}

function addPerson(
  run: TAddToCrmRun,
  plan: TChunkPlan,
  prospect: TProspectRow,
  accounts: TCompanyAccount[],
  peopleByEmail: Map<string, TExistingPerson>,
) {
  const email = prospect.email ? normalizeEmailAddress(prospect.email) : null;
  const known = email ? peopleByEmail.get(email) : undefined;
  if (known) {
    linkToExisting(run, plan, prospect, { type: "person", id: known.id, label: known.kind, name: known.name }, email);
    return;
  }
  const names = nameParts(prospect);
  const problem =
    (names ? null : "No last name: Salesforce requires one. Add it to the prospect.") ??
    (prospect.email && !email
      ? `The email "${prospect.email}" is not a valid address: fix it on the prospect.`
      : null) ??
    (run.as === "lead" && !prospect.company
      ? "A lead needs a company: add the company to the prospect, or add it as a contact."
      : null) ??
    tooLong([
      ["first name", names?.firstName ?? null, MAX.firstName],
      ["last name", names?.lastName ?? null, MAX.lastName],
      ["email", prospect.email, MAX.email],
      ["title", prospect.title, MAX.title],
      ["phone", prospect.phone, MAX.phone],
      ["company", prospect.company, MAX.company],
    ]);
  if (problem || !names) {
    plan.problems.push({ id: prospect.id, reason: problem ?? "No last name." });
    return;
  }
  const account = run.as === "contact" ? contactAccount(run, plan, prospect, accounts) : null;
  const person = newPersonRow(
    recordIdOfProspect(prospect),
    {
      kind: run.as,
      ...names,
      email: prospect.email,
      phone: prospect.phone,
      title: prospect.title,
      company: account?.name ?? prospect.company,
      accountId: account?.id ?? null,
      accountSfId: account?.sfId ?? null,
      leadStatus: run.leadStatus,
    },
    run.context,
    run.user,
    run.now,
  );
  if (email) peopleByEmail.set(email, { id: person.id, name: person.name, kind: run.as, emailNormalized: email });
  plan.people.push(person);
  plan.pushes.push(createPush("person", person.id, "people", run.user, run.now, run.priority));
  plan.activity.push(
    createdEntry(
      { recordType: "person", recordId: person.id, kind: "people", pushState: person.pushState },
      "added-to-crm",
      `Added to the CRM from a prospect by ${run.user.name}.`,
      run.now,
    ),
  );
  linkCreated(run, plan, prospect, { type: "person", id: person.id, label: run.as, name: person.name });
}

/** The account of a new contact: the one that matches its company, a new one, or none. */
function contactAccount(
  run: TAddToCrmRun,
  plan: TChunkPlan,
  prospect: TProspectRow,
  accounts: TCompanyAccount[],
): TCompanyAccount | null {
  const company = prospect.company;
  const match = matchCompanyAccount(accounts, { domain: prospect.domainNormalized, name: company });
  if (match.status === "one") return match.account;
  if (match.status === "several") {
    plan.counts.withoutAccount++;
    return null;
  }
  if (!company) return null;
  // The website is the prospect's, or the domain its email gave (a free-mail domain gives none).
  const account = newAccountRow(
    run.newId(),
    { name: company, website: prospect.website ?? prospect.domainNormalized },
    run.context,
    run.user,
    run.now,
  );
  accounts.push(account);
  plan.accounts.push(account);
  plan.counts.accountsCreated++;
  plan.pushes.push(createPush("account", account.id, "accounts", run.user, run.now, run.priority));
  plan.activity.push(
    createdEntry(
      { recordType: "account", recordId: account.id, kind: "accounts", pushState: account.pushState },
      "created-in-tandem",
      `Created in Tandem by ${run.user.name} as the account of ${prospect.name} (added from a prospect).`,
      run.now,
    ),
  );
  return account;
}

type TLinkedRecord = { type: "person" | "account"; id: string; label: string; name: string };

function linkCreated(run: TAddToCrmRun, plan: TChunkPlan, prospect: TProspectRow, record: TLinkedRecord) {
  plan.counts.created++;
  plan.marks.push({ prospectId: prospect.id, crmRecordType: record.type, crmRecordId: record.id });
  plan.activity.push({
    recordType: "prospect",
    recordId: prospect.id,
    at: run.now,
    event: "added-to-crm",
    message: `Added to the CRM by ${run.user.name} as the ${record.label} ${record.name}.`,
    details: { crmRecordType: record.type, crmRecordId: record.id },
  });
}

function linkToExisting(
  run: TAddToCrmRun,
  plan: TChunkPlan,
  prospect: TProspectRow,
  record: TLinkedRecord,
  key: string | null,
) {
  const keyName = record.type === "person" ? "email" : key ? "web domain" : "name";
  plan.counts.alreadyInCrm++;
  plan.marks.push({ prospectId: prospect.id, crmRecordType: record.type, crmRecordId: record.id });
  plan.activity.push({
    recordType: "prospect",
    recordId: prospect.id,
    at: run.now,
    event: "matched-crm",
    message: `Already in the CRM: the ${record.label} ${record.name} has the same ${keyName}${key ? ` (${key})` : ""}, so this prospect is marked "in CRM".`,
    details: { crmRecordType: record.type, crmRecordId: record.id, matchedOn: keyName, key, when: "added" },
  });
}

/** First and last name: as given, or split from the full name ("Jane van Doe" → "Jane van", "Doe"). */
function nameParts(prospect: TProspectRow): { firstName: string | null; lastName: string } | null {
  if (prospect.lastName?.trim())
    return { firstName: prospect.firstName?.trim() || null, lastName: prospect.lastName.trim() };
  // A first name alone says nothing about the last one.
  if (prospect.firstName?.trim()) return null;
  const words = prospect.name.trim().split(/\s+/).filter(Boolean);
  const lastName = words.pop();
  if (!lastName || words.length === 0) return null;
  return { firstName: words.join(" "), lastName };
}

/** The first value over Salesforce's length, as a reason. */
function tooLong(values: Array<[label: string, value: string | null, max: number]>): string | null {
  for (const [label, value, max] of values) {
    if (value && value.length > max) {
      return `The ${label} is longer than ${max} characters (Salesforce's limit): shorten it on the prospect.`;
    }
  }
  return null;
}
