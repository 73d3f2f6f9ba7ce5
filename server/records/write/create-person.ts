import "server-only";
import type { InStatement } from "@libsql/client";
import { eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { crmAccounts, crmPeople } from "@/db/schema";
import { toStatement } from "@/db/statements";
import { AppError } from "@/server/errors";
import { newId } from "@/server/ids";
import { companyDomainOfEmail } from "@/server/sync/core/normalize";
import { enqueuePushStatement } from "@/server/sync/push/enqueue";
import { createdRecordMarkStatements } from "./created-record-marks";
import {
  companyNameKey,
  loadCompanyAccounts,
  matchCompanyAccount,
  type TCompanyAccount,
} from "./match-company-account";
import { createdEntry, createPush, defaultLeadStatus, newAccountRow, newPersonRow } from "./new-records";
import { type TCreatePersonResult, type TNewPersonInput, ZNewPersonSchema } from "./schemas";
import {
  activityStatement,
  commitWrite,
  inactiveRecordError,
  loadWriteContext,
  type TWriteUser,
} from "./write-context";

type TParsedInput = ReturnType<typeof ZNewPersonSchema.parse>;

/** The contact's account: one picked or found, one to create with the person, or none. */
type TAccountChoice =
  | { status: "existing"; account: TCompanyAccount }
  | { status: "new"; name: string; website: string | null }
  | { status: "none" }
  | { status: "several"; candidates: TCompanyAccount[] };

/**
 * "New person": a contact or a lead, its activity log entry and its outbox row in one batch
 * (PUSH-2). A contact whose typed company matches several accounts is not written: the answer is
 * `needs-account-choice` with the candidates, and the form asks which.
 */
export async function createPerson(
  db: TDatabase,
  rawInput: TNewPersonInput,
  user: TWriteUser,
  now: number,
): Promise<TCreatePersonResult> {
  const input = ZNewPersonSchema.parse(rawInput);
  const context = await loadWriteContext(db, user);
  const kind = (input.as ?? context.push.people.as) === "Lead" ? "lead" : "contact";
  const picked = input.accountId ? await loadPickedAccount(db, input.accountId) : null;

  if (kind === "lead") {
    const company = input.companyName ?? picked?.name;
    if (!company) {
      throw new AppError("BAD_REQUEST", "A lead needs a company: type the company name or pick an account.");
    }
    const lead = newPersonRow(
      newId(now),
      { ...input, kind, company, leadStatus: input.leadStatus ?? defaultLeadStatus(context) },
      context,
      user,
      now,
    );
    await commitWrite(db, await personStatements(db, lead, null, user, now));
    return { status: "created", person: written(lead), account: null };
  }

  const choice: TAccountChoice = picked ? { status: "existing", account: picked } : await chooseAccount(db, input);
  if (choice.status === "several") {
    const companyName = input.companyName ?? "";
    return {
      status: "needs-account-choice",
      companyName,
      candidates: choice.candidates.map(({ id, name, website }) => ({ id, name, website })),
      message: `${choice.candidates.length} accounts match "${companyName}". Choose one, or create a new account.`,
    };
  }
  const newAccount =
    choice.status === "new"
      ? newAccountRow(newId(now), { name: choice.name, website: choice.website }, context, user, now)
      : null;
  const account = choice.status === "existing" ? choice.account : newAccount;
  const contact = newPersonRow(
    newId(now),
    {
      ...input,
      kind,
      company: account?.name ?? null,
      accountId: account?.id ?? null,
      accountSfId: account?.sfId ?? null,
    },
    context,
    user,
    now,
  );
  await commitWrite(db, await personStatements(db, contact, newAccount, user, now));
  return {
    status: "created",
    person: written(contact),
    account: account
      ? { id: account.id, name: account.name, website: account.website ?? null, created: newAccount !== null }
      : null,
  };
}

async function loadPickedAccount(db: TDatabase, id: string): Promise<TCompanyAccount> {
  const account = await db
    .select({
      id: crmAccounts.id,
      name: crmAccounts.name,
      website: crmAccounts.website,
      domainNormalized: crmAccounts.domainNormalized,
      sfId: crmAccounts.sfId,
      state: crmAccounts.state,
    })
    .from(crmAccounts)
    .where(eq(crmAccounts.id, id))
    .get();
  if (!account) throw new AppError("NOT_FOUND", "The chosen account does not exist any more. Pick another one.");
  if (account.state !== "active") throw inactiveRecordError(account.name, account.state, "pick another account");
  return account;
}

/**
 * A typed company: the accounts with the email's company domain (free-mail says nothing) or the
 * company's name. One is the account; none means a new account, which keeps that domain as its
 * website so later people of the company find it.
 */
async function chooseAccount(db: TDatabase, input: TParsedInput): Promise<TAccountChoice> {
  const name = input.companyName;
  if (!name) return { status: "none" };
  const domain = companyDomainOfEmail(input.email);
  if (input.newAccount) return { status: "new", name, website: domain };
  const accounts = await loadCompanyAccounts(db, { domains: domain ? [domain] : [], names: [companyNameKey(name)] });
  const match = matchCompanyAccount(accounts, { domain, name });
  if (match.status === "one") return { status: "existing", account: match.account };
  if (match.status === "several") return match;
  return { status: "new", name, website: domain };
}

async function personStatements(
  db: TDatabase,
  person: ReturnType<typeof newPersonRow>,
  account: ReturnType<typeof newAccountRow> | null,
  user: TWriteUser,
  now: number,
): Promise<InStatement[]> {
  const label = person.kind === "lead" ? "lead" : "contact";
  const personRecord = {
    recordType: "person",
    recordId: person.id,
    kind: "people",
    pushState: person.pushState,
  } as const;
  const accountStatements = account
    ? [
        toStatement(db.insert(crmAccounts).values(account)),
        activityStatement(
          db,
          createdEntry(
            { recordType: "account", recordId: account.id, kind: "accounts", pushState: account.pushState },
            "created-in-tandem",
            `Created in Tandem by ${user.name} as the account of the ${label} ${person.name}.`,
            now,
          ),
        ),
        enqueuePushStatement(createPush("account", account.id, "accounts", user, now)),
      ]
    : [];
  const marks = await createdRecordMarkStatements(
    db,
    {
      people: [{ id: person.id, name: person.name, label, emailNormalized: person.emailNormalized }],
      accounts: account ? [{ id: account.id, name: account.name, domainNormalized: account.domainNormalized }] : [],
    },
    user,
    now,
  );
  // The account goes first: the person points at it.
  return [
    ...accountStatements,
    toStatement(db.insert(crmPeople).values(person)),
    activityStatement(db, createdEntry(personRecord, "created-in-tandem", `Created in Tandem by ${user.name}.`, now)),
    enqueuePushStatement(createPush("person", person.id, "people", user, now)),
    ...marks,
  ];
}

function written(person: ReturnType<typeof newPersonRow>) {
  return {
    id: person.id,
    name: person.name,
    kind: person.kind,
    pushState: person.pushState,
    ownerSfId: person.ownerSfId,
    ownerName: person.ownerName,
  };
}
