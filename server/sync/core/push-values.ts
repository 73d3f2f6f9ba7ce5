import {
  ACCOUNT_PUSH_FIELDS,
  CONTACT_PUSH_FIELDS,
  LEAD_PUSH_FIELDS,
  OPPORTUNITY_PUSH_FIELDS,
  type TColumnFieldMap,
} from "./push-fields";
import type { TActivityKind, TPushOperation } from "./push-kinds";

/**
 * What a push sends for one record: its Salesforce object and field values, or why it must wait.
 * Pure: the applier reads the record and its parents' Salesforce Ids, this decides the body.
 */

export type TParentRef = {
  id: string;
  name: string;
  sfId: string | null;
  /** The parent's own push: whether it can still reach Salesforce in this or a later push. */
  pushState: "local" | "pending" | "pushed" | "failed" | null;
  /** People only: a lead cannot carry a WhatId on its activities. */
  object?: string;
};

export type TPersonSnapshot = {
  kind: "contact" | "lead";
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  title: string | null;
  company: string | null;
  leadSource: string | null;
  leadStatus: string | null;
  accountSfId: string | null;
  ownerSfId: string | null;
};

export type TAccountSnapshot = {
  name: string;
  website: string | null;
  industry: string | null;
  phone: string | null;
  city: string | null;
  country: string | null;
  type: string | null;
  ownerSfId: string | null;
};

export type TOpportunitySnapshot = {
  name: string;
  stageName: string | null;
  amount: number | null;
  closeDate: string | null;
  accountSfId: string | null;
  ownerSfId: string | null;
};

export type TActivitySnapshot = {
  kind: TActivityKind;
  sfObject: string | null;
  subject: string;
  body: string | null;
  dueDate: string | null;
  priority: string | null;
  status: string | null;
  callDurationSeconds: number | null;
  callOutcome: string | null;
  startAt: string | null;
  endAt: string | null;
  location: string | null;
  ownerSfId: string | null;
};

export type TPushBody =
  | { ready: true; object: string; values: Record<string, unknown> }
  | { ready: false; waitingOn: string; parentId: string | null };

type TBodyInput<S> = {
  operation: TPushOperation;
  record: S;
  /** Updates: the Salesforce fields that changed. */
  fields: readonly string[];
};

/** A create sends every mapped field with a value; an update the changed ones (null clears). */
function pick(
  map: TColumnFieldMap,
  record: Readonly<Record<string, unknown>>,
  operation: TPushOperation,
  fields: readonly string[],
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [column, field] of Object.entries(map)) {
    const value = record[column] ?? null;
    if (operation === "create" ? value !== null : fields.includes(field)) values[field] = value;
  }
  return values;
}

function waitFor(parent: TParentRef, what: string): TPushBody {
  if (parent.pushState === "failed") {
    return {
      ready: false,
      waitingOn: `Waits for ${what} ${parent.name}, whose push Salesforce rejected (see the error log).`,
      parentId: parent.id,
    };
  }
  if (parent.pushState === "local") {
    return {
      ready: false,
      waitingOn: `Waits for ${what} ${parent.name}, which is not in Salesforce (push is off for it).`,
      parentId: parent.id,
    };
  }
  return { ready: false, waitingOn: `Waits for ${what} ${parent.name} to reach Salesforce.`, parentId: parent.id };
}

export function personBody(input: TBodyInput<TPersonSnapshot> & { account: TParentRef | null }): TPushBody {
  const { record, operation, fields, account } = input;
  const contact = record.kind === "contact";
  const needsAccount = contact && (operation === "create" || fields.includes("AccountId"));
  if (needsAccount && account && !account.sfId) return waitFor(account, "its account");
  const snapshot = { ...record, accountSfId: account?.sfId ?? record.accountSfId };
  const values = pick(contact ? CONTACT_PUSH_FIELDS : LEAD_PUSH_FIELDS, snapshot, operation, fields);
  if (!contact && operation === "create" && !values.Company) values.Company = account?.name ?? "[not provided]";
  if (operation === "create" && record.ownerSfId) values.OwnerId = record.ownerSfId;
  return { ready: true, object: contact ? "Contact" : "Lead", values };
}

export function accountBody(input: TBodyInput<TAccountSnapshot>): TPushBody {
  const values = pick(ACCOUNT_PUSH_FIELDS, input.record, input.operation, input.fields);
  if (input.operation === "create" && input.record.ownerSfId) values.OwnerId = input.record.ownerSfId;
  return { ready: true, object: "Account", values };
}

export function opportunityBody(input: TBodyInput<TOpportunitySnapshot> & { account: TParentRef | null }): TPushBody {
  const { record, operation, fields, account } = input;
  const needsAccount = operation === "create" || fields.includes("AccountId");
  if (needsAccount && account && !account.sfId) return waitFor(account, "its account");
  const snapshot = { ...record, accountSfId: account?.sfId ?? record.accountSfId };
  const values = pick(OPPORTUNITY_PUSH_FIELDS, snapshot, operation, fields);
  if (operation === "create" && record.ownerSfId) values.OwnerId = record.ownerSfId;
  return { ready: true, object: "Opportunity", values };
}

/** The note's text as ContentNote wants it: HTML-escaped plain text, lines as paragraphs, base64. */
export function contentNoteBody(text: string | null): string {
  const escaped = (text ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
  const html = escaped
    .split(/\r?\n/)
    .map((line) => `<p>${line}</p>`)
    .join("");
  return Buffer.from(html, "utf8").toString("base64");
}

/**
 * An activity's body. It relates to its person (`WhoId`) and to its opportunity or account
 * (`WhatId`; a lead's activities carry none, as Salesforce requires). Notes attach to one record.
 */
export function activityBody(
  input: TBodyInput<TActivitySnapshot> & {
    person: TParentRef | null;
    what: TParentRef | null;
    enhancedNotes: boolean;
  },
): TPushBody {
  const { record, operation, fields, person, what } = input;
  if (operation === "update") {
    // What Tandem edits on an activity after it exists: a task's status.
    const values: Record<string, unknown> = {};
    if (fields.includes("Status")) values.Status = record.status;
    return { ready: true, object: record.sfObject ?? "Task", values };
  }
  if (person && !person.sfId) return waitFor(person, "its person");
  const whatParent = person?.object === "Lead" ? null : what;
  if (whatParent && !whatParent.sfId) return waitFor(whatParent, whatParent === what ? "its record" : "its account");
  const who = person?.sfId ? { WhoId: person.sfId } : {};
  const related = whatParent?.sfId ? { WhatId: whatParent.sfId } : {};
  const owner = record.ownerSfId ? { OwnerId: record.ownerSfId } : {};
  switch (record.kind) {
    case "call":
    case "email": {
      const outcome = record.callOutcome ? `Outcome: ${record.callOutcome}` : null;
      const description = [record.body, outcome].filter(Boolean).join("\n\n") || null;
      return {
        ready: true,
        object: "Task",
        values: compact({
          Subject: record.subject,
          Description: description,
          ActivityDate: record.dueDate,
          Status: "Completed",
          Priority: "Normal",
          TaskSubtype: record.kind === "call" ? "Call" : "Email",
          CallDurationInSeconds: record.kind === "call" ? record.callDurationSeconds : null,
          ...who,
          ...related,
          ...owner,
        }),
      };
    }
    case "task":
      return {
        ready: true,
        object: "Task",
        values: compact({
          Subject: record.subject,
          Description: record.body,
          ActivityDate: record.dueDate,
          Status: record.status,
          Priority: record.priority,
          TaskSubtype: "Task",
          ...who,
          ...related,
          ...owner,
        }),
      };
    case "meeting":
      return {
        ready: true,
        object: "Event",
        values: compact({
          Subject: record.subject,
          Description: record.body,
          StartDateTime: record.startAt,
          EndDateTime: record.endAt,
          Location: record.location,
          ...who,
          ...related,
          ...owner,
        }),
      };
    case "note": {
      const parent = person ?? what;
      if (!input.enhancedNotes) {
        return {
          ready: true,
          object: "Note",
          values: compact({
            ParentId: parent?.sfId ?? null,
            Title: record.subject.slice(0, 80),
            Body: record.body,
            ...owner,
          }),
        };
      }
      return {
        ready: true,
        object: "ContentNote",
        values: { Title: record.subject, Content: contentNoteBody(record.body) },
      };
    }
  }
}

function compact(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== null && value !== undefined));
}
