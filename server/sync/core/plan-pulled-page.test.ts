import { describe, expect, it } from "vitest";
import { contentHash } from "./content-hash";
import { planPulledPage } from "./plan-pulled-page";
import { flattenRecord, type TPulledRecord } from "./pull-objects";
import { emptyPageExisting, pulledPageKeys, type TPulledPageExisting, type TStoredRecord } from "./pulled-page-input";
import type { TApplySource, TPulledPagePlan, TPulledRecordAction } from "./pulled-page-plan";
import type { TRecordState, TSyncObject } from "./sync-objects";

const NOW = 1_800_000_000_000;
const STAMP = "2026-01-01T10:00:00.000+0000";
const LATER = "2026-01-01T11:00:00.000+0000";
const EARLIER = "2026-01-01T09:00:00.000+0000";

const CONTACT = "003000000000001AAA";
const OTHER_CONTACT = "003000000000002AAA";
const LEAD = "00Q000000000001AAA";
const ACCOUNT = "001000000000001AAA";
const MASTER = "001000000000002AAA";

/** A pulled record as the REST API returns it, by object. */
function pulled(object: TSyncObject, overrides: Record<string, unknown> = {}): TPulledRecord {
  const base: Record<TSyncObject, TPulledRecord> = {
    Contact: { Id: CONTACT, FirstName: "Jane", LastName: "Doe", Email: "Jane@Acme.com", AccountId: ACCOUNT },
    Lead: { Id: LEAD, FirstName: "Jon", LastName: "Roe", Email: "jon@acme.com", Company: "Acme", IsConverted: false },
    Account: { Id: ACCOUNT, Name: "Acme", Website: "https://www.acme.com" },
    Opportunity: { Id: "006000000000001AAA", Name: "Big deal", AccountId: ACCOUNT, Amount: 1000 },
  };
  return { IsDeleted: false, SystemModstamp: STAMP, OwnerId: "005000000000001AAA", ...base[object], ...overrides };
}

/** The Tandem row a pull of `record` would have stored. */
function stored(record: TPulledRecord, overrides: Partial<TStoredRecord> = {}): TStoredRecord {
  const fields = flattenRecord(record);
  return {
    id: `tandem-${record.Id}`,
    sfId: record.Id,
    state: "active",
    contentHash: contentHash(fields),
    systemModstamp: String(record.SystemModstamp),
    fields,
    name: "Stored name",
    ...overrides,
  };
}

function existingWith(rows: TStoredRecord[], rest: Partial<TPulledPageExisting> = {}): TPulledPageExisting {
  return { ...emptyPageExisting(), records: new Map(rows.map((row) => [row.sfId ?? row.id, row])), ...rest };
}

function plan(
  object: TSyncObject,
  existing: TPulledPageExisting,
  records: TPulledRecord[],
  source: TApplySource = "pull",
): TPulledPagePlan<TSyncObject> {
  let next = 0;
  return planPulledPage(existing, records, { object, source, now: NOW, newId: () => `new-${++next}` });
}

type TCase = {
  name: string;
  object: TSyncObject;
  source?: TApplySource;
  existing: TPulledPageExisting;
  records: TPulledRecord[];
  /** The actions, in page order: kind, rule and (part of) the reason. */
  actions: Array<Pick<TPulledRecordAction, "kind" | "rule"> & { reason: string | RegExp }>;
  check?: (result: TPulledPagePlan<TSyncObject>) => void;
};

const contact = pulled("Contact");
const lead = pulled("Lead");
const account = pulled("Account");

/** A record created in Tandem and pushed: Salesforce's copy holds only what Tandem sent. */
const pushedAccount = stored(account, {
  contentHash: null,
  fields: { Id: ACCOUNT, Name: "Acme", Website: "https://www.acme.com" },
});

const cases: TCase[] = [
  {
    name: "PUSH-2: Tandem's own push coming back (Salesforce added only its own fields) is unchanged, stored silently",
    object: "Account",
    existing: existingWith([pushedAccount]),
    records: [pulled("Account", { CreatedDate: STAMP, Type: null })],
    actions: [{ kind: "unchanged", rule: "PUSH-2", reason: "Tandem's own push coming back" }],
    check: (result) => {
      expect(result.counts).toMatchObject({ unchanged: 1, updated: 0 });
      expect(result.updates).toHaveLength(1);
      expect(result.activity).toEqual([]);
    },
  },
  {
    name: "PUSH-2: a pushed record someone changed in Salesforce since is an update like any other",
    object: "Account",
    existing: existingWith([pushedAccount]),
    records: [pulled("Account", { Name: "Acme Corporation" })],
    actions: [{ kind: "updated", rule: "PULL-1", reason: /Name/ }],
  },
  {
    name: "PUSH-2: a pulled record carrying Tandem_Id__c links to the Tandem record whose push outcome was lost",
    object: "Account",
    existing: {
      ...emptyPageExisting(),
      tandemRecords: new Map([
        ["tandem-own", { ...pushedAccount, id: "tandem-own", sfId: null, fields: { Name: "Acme" } }],
      ]),
    },
    records: [pulled("Account", { Tandem_Id__c: "tandem-own" })],
    actions: [{ kind: "unchanged", rule: "PUSH-2", reason: "Tandem's own push coming back" }],
    check: (result) => {
      expect(result.inserts).toEqual([]);
      expect(result.updates[0]).toMatchObject({ id: "tandem-own", values: { sfId: ACCOUNT, pushState: "pushed" } });
      expect(result.activity.map((entry) => entry.event)).toEqual(["linked-by-pull"]);
    },
  },
  {
    name: "PULL-1: a record Tandem has not seen is created and logged created-by-pull",
    object: "Contact",
    existing: existingWith([]),
    records: [contact],
    actions: [{ kind: "created", rule: "PULL-1", reason: "not in Tandem yet" }],
    check: (result) => {
      expect(result.inserts).toEqual([
        expect.objectContaining({
          id: "new-1",
          sfId: CONTACT,
          source: "pull",
          state: "active",
          kind: "contact",
          emailNormalized: "jane@acme.com",
          name: "Jane Doe",
          createdAt: NOW,
        }),
      ]);
      expect(result.activity).toEqual([
        expect.objectContaining({
          recordId: "new-1",
          event: "created-by-pull",
          message: "Created from Salesforce by a pull.",
        }),
      ]);
      expect(result.counts).toMatchObject({ created: 1, fresh: 1 });
    },
  },
  {
    name: "DUP-2: a record that arrives by outbound message is logged created-by-outbound",
    object: "Account",
    source: "outbound",
    existing: existingWith([]),
    records: [account],
    actions: [{ kind: "created", rule: "PULL-1", reason: "not in Tandem yet" }],
    check: (result) => {
      expect(result.inserts[0]).toMatchObject({ source: "outbound", domainNormalized: "acme.com" });
      expect(result.activity[0]).toMatchObject({
        recordType: "account",
        event: "created-by-outbound",
        message: "Created from Salesforce by an outbound message.",
      });
    },
  },
  {
    name: "PULL-5: a record with the same content is left alone",
    object: "Contact",
    existing: existingWith([stored(contact)]),
    records: [contact],
    actions: [{ kind: "unchanged", rule: "PULL-5", reason: "the same content as the stored copy" }],
    check: (result) => {
      expect(result).toMatchObject({ inserts: [], updates: [], activity: [] });
      expect(result.counts).toMatchObject({ unchanged: 1, fresh: 0 });
    },
  },
  {
    name: "PULL-5: a new SystemModstamp, volatile fields and nulls do not change the content",
    object: "Contact",
    existing: existingWith([stored(contact)]),
    records: [
      { ...contact, SystemModstamp: LATER, LastModifiedDate: LATER, Title: null, attributes: { type: "Contact" } },
    ],
    actions: [{ kind: "unchanged", rule: "PULL-5", reason: "the same content as the stored copy" }],
  },
  {
    name: "PULL-1: a changed record is updated and logged updated-by-pull with what changed",
    object: "Contact",
    existing: existingWith([stored(contact)]),
    records: [{ ...contact, Title: "CEO", SystemModstamp: LATER }],
    actions: [{ kind: "updated", rule: "PULL-1", reason: "changed in Salesforce: Title" }],
    check: (result) => {
      expect(result.updates).toEqual([
        {
          id: `tandem-${CONTACT}`,
          values: expect.objectContaining({ title: "CEO", systemModstamp: LATER, state: "active" }),
        },
      ]);
      expect(result.activity).toEqual([
        expect.objectContaining({
          event: "updated-by-pull",
          message: "Updated by a pull: Title changed.",
          details: { changes: { Title: { from: null, to: "CEO" } } },
        }),
      ]);
      expect(result.counts).toMatchObject({ updated: 1 });
    },
  },
  {
    name: "DUP-2: an outbound update logs updated-by-outbound",
    object: "Contact",
    source: "outbound",
    existing: existingWith([stored(contact)]),
    records: [{ ...contact, Phone: "+1 555", SystemModstamp: LATER }],
    actions: [{ kind: "updated", rule: "PULL-1", reason: "changed in Salesforce: Phone" }],
    check: (result) => {
      expect(result.activity.map((entry) => entry.event)).toEqual(["updated-by-outbound"]);
      expect(result.activity[0]?.message).toBe("Updated by an outbound message: Phone changed.");
    },
  },
  {
    name: "PULL-5: a deleted record that comes back is restored and logged restored-by-pull",
    object: "Contact",
    existing: existingWith([stored(contact, { state: "deleted" })]),
    records: [{ ...contact, SystemModstamp: LATER }],
    actions: [{ kind: "restored", rule: "PULL-5", reason: "back in Salesforce after being deleted" }],
    check: (result) => {
      expect(result.updates[0]?.values).toMatchObject({ state: "active", mergedIntoId: null });
      expect(result.activity[0]).toMatchObject({
        event: "restored-by-pull",
        message: "Back in Salesforce (it was deleted); updated by a pull.",
      });
    },
  },
  {
    name: "DUP-2: an outbound restore logs restored-by-outbound",
    object: "Account",
    source: "outbound",
    existing: existingWith([stored(account, { state: "merged" })]),
    records: [account],
    actions: [{ kind: "restored", rule: "PULL-5", reason: "back in Salesforce after being merged" }],
    check: (result) => expect(result.activity.map((entry) => entry.event)).toEqual(["restored-by-outbound"]),
  },
  {
    name: "PULL-5: a stale outbound copy never rolls a record back",
    object: "Contact",
    source: "outbound",
    existing: existingWith([stored({ ...contact, Title: "CEO", SystemModstamp: LATER })]),
    records: [{ ...contact, Title: "Intern", SystemModstamp: EARLIER }],
    actions: [{ kind: "stale-ignored", rule: "PULL-5", reason: "an older version than the one stored" }],
    check: (result) => {
      expect(result).toMatchObject({ updates: [], activity: [] });
      expect(result.counts).toMatchObject({ unchanged: 1, updated: 0 });
    },
  },
  {
    name: "PULL-5: a record deleted in Salesforce is removed",
    object: "Contact",
    existing: existingWith([stored(contact)]),
    records: [{ ...contact, IsDeleted: true, SystemModstamp: LATER }],
    actions: [{ kind: "deleted", rule: "PULL-5", reason: "deleted in Salesforce" }],
    check: (result) => {
      expect(result.removals).toEqual([
        { id: `tandem-${CONTACT}`, values: { state: "deleted", systemModstamp: LATER, updatedAt: NOW } },
      ]);
      expect(result.activity).toEqual([
        expect.objectContaining({ event: "deleted-in-salesforce", message: "Deleted in Salesforce." }),
      ]);
      expect(result.counts).toMatchObject({ deleted: 1 });
    },
  },
  {
    name: "PULL-5: a delete of a record already removed, or never stored, changes nothing",
    object: "Contact",
    existing: existingWith([stored(contact, { state: "deleted" })]),
    records: [
      { ...contact, IsDeleted: "true" },
      { ...contact, Id: OTHER_CONTACT, IsDeleted: true },
    ],
    actions: [
      { kind: "already-removed", rule: "PULL-5", reason: "deleted in Salesforce and already deleted here" },
      { kind: "already-removed", rule: "PULL-5", reason: "deleted in Salesforce before Tandem stored it" },
    ],
    check: (result) => {
      expect(result).toMatchObject({ removals: [], activity: [] });
      expect(result.counts).toMatchObject({ deleted: 0, fresh: 1 });
    },
  },
  {
    name: "PULL-5: a record merged into a stored master points at it, and both logs say so",
    object: "Account",
    existing: existingWith([stored(account, { name: "Acme Old" })], {
      masterIdBySfId: new Map([[MASTER, "tandem-master"]]),
    }),
    records: [{ ...account, IsDeleted: true, MasterRecordId: MASTER, SystemModstamp: LATER }],
    actions: [{ kind: "merged", rule: "PULL-5", reason: `merged into ${MASTER} in Salesforce` }],
    check: (result) => {
      expect(result.removals).toEqual([
        {
          id: `tandem-${ACCOUNT}`,
          values: { state: "merged", mergedIntoId: "tandem-master", systemModstamp: LATER, updatedAt: NOW },
        },
      ]);
      expect(result.activity).toEqual([
        expect.objectContaining({ recordId: `tandem-${ACCOUNT}`, event: "merged-in-salesforce" }),
        expect.objectContaining({
          recordId: "tandem-master",
          event: "absorbed-merge",
          message: "Acme Old was merged into this record in Salesforce.",
        }),
      ]);
      expect(result.counts).toMatchObject({ deleted: 1 });
    },
  },
  {
    name: "PULL-5: a record merged into a master Tandem does not hold is merged with no master",
    object: "Account",
    existing: existingWith([stored(account)]),
    records: [{ ...account, IsDeleted: true, MasterRecordId: MASTER }],
    actions: [{ kind: "merged", rule: "PULL-5", reason: /a record Tandem does not hold yet/ }],
    check: (result) => {
      expect(result.removals[0]?.values).toMatchObject({ state: "merged", mergedIntoId: null });
      expect(result.activity.map((entry) => entry.event)).toEqual(["merged-in-salesforce"]);
    },
  },
  {
    name: "PULL-5: a master created further down the same page is the merged record's master",
    object: "Account",
    existing: existingWith([stored(account)]),
    records: [
      { ...account, IsDeleted: true, MasterRecordId: MASTER },
      { ...account, Id: MASTER, Name: "Acme Group" },
    ],
    actions: [
      { kind: "merged", rule: "PULL-5", reason: `merged into ${MASTER} in Salesforce` },
      { kind: "created", rule: "PULL-1", reason: "not in Tandem yet" },
    ],
    check: (result) => expect(result.removals[0]?.values.mergedIntoId).toBe("new-1"),
  },
  {
    name: "PULL-4: a lead whose email a contact has is suppressed",
    object: "Lead",
    existing: existingWith([], { activeContactSfIdByEmail: new Map([["jon@acme.com", CONTACT]]) }),
    records: [lead],
    actions: [{ kind: "suppressed", rule: "PULL-4", reason: "a contact has the same email" }],
    check: (result) => {
      expect(result.suppressions).toEqual([
        { leadSfId: LEAD, reason: "email-match", contactSfId: CONTACT, email: "jon@acme.com", suppressedAt: NOW },
      ]);
      expect(result).toMatchObject({ inserts: [], retirements: [], activity: [] });
      expect(result.counts).toMatchObject({ suppressed: 1, created: 0, fresh: 1 });
    },
  },
  {
    name: "PULL-4: a converted lead is suppressed in favour of its contact",
    object: "Lead",
    existing: existingWith([]),
    records: [{ ...lead, IsConverted: true, ConvertedContactId: CONTACT }],
    actions: [{ kind: "suppressed", rule: "PULL-4", reason: "converted into a contact" }],
    check: (result) => expect(result.suppressions[0]).toMatchObject({ reason: "converted", contactSfId: CONTACT }),
  },
  {
    name: "PULL-4: a suppressed lead stays suppressed, with nothing new to remember",
    object: "Lead",
    existing: existingWith([], {
      suppressedLeads: new Map([[LEAD, { reason: "email-match" as const, contactSfId: CONTACT }]]),
    }),
    records: [{ ...lead, Email: "jon@elsewhere.com" }],
    actions: [{ kind: "suppressed", rule: "PULL-4", reason: /a suppressed lead stays suppressed/ }],
    check: (result) => {
      expect(result).toMatchObject({ suppressions: [], inserts: [] });
      expect(result.counts).toMatchObject({ suppressed: 1, fresh: 0 });
    },
  },
  {
    name: "PULL-4: a shown lead that gives way to a stored contact is retired and its history moves",
    object: "Lead",
    existing: existingWith([stored(lead)], {
      activeContactSfIdByEmail: new Map([["jon@acme.com", CONTACT]]),
      contactIdBySfId: new Map([[CONTACT, "tandem-contact"]]),
    }),
    records: [{ ...lead, SystemModstamp: LATER }],
    actions: [{ kind: "retired", rule: "PULL-4", reason: "a contact has the same email; the lead shown is retired" }],
    check: (result) => {
      expect(result.retirements).toEqual([
        {
          leadId: `tandem-${LEAD}`,
          leadSfId: LEAD,
          contactId: "tandem-contact",
          contactSfId: CONTACT,
          reason: "email-match",
        },
      ]);
      expect(result.activity).toEqual([
        expect.objectContaining({
          recordId: "tandem-contact",
          event: "absorbed-lead",
          message: `Lead ${LEAD} was retired in favour of this contact: a contact with the same email exists. Its history moved here.`,
        }),
        expect.objectContaining({ recordId: `tandem-${LEAD}`, event: "retired-as-lead" }),
      ]);
      expect(result.updates).toEqual([]);
    },
  },
  {
    name: "PULL-4: a shown lead whose contact is not in Tandem yet is retired and keeps its history",
    object: "Lead",
    existing: existingWith([stored(lead)]),
    records: [{ ...lead, IsConverted: true, ConvertedContactId: CONTACT }],
    actions: [{ kind: "retired", rule: "PULL-4", reason: /converted into a contact/ }],
    check: (result) => {
      expect(result.retirements[0]).toMatchObject({ contactId: null, contactSfId: CONTACT, reason: "converted" });
      expect(result.activity).toEqual([
        expect.objectContaining({
          event: "retired-as-lead",
          message: `Retired as a lead: it was converted into this contact (contact ${CONTACT} not pulled yet).`,
        }),
      ]);
    },
  },
  {
    name: "PULL-4: a retired lead that is still suppressed is not retired again",
    object: "Lead",
    existing: existingWith([stored(lead, { state: "retired" })], {
      suppressedLeads: new Map([[LEAD, { reason: "converted" as const, contactSfId: CONTACT }]]),
    }),
    records: [{ ...lead, SystemModstamp: LATER }],
    actions: [{ kind: "suppressed", rule: "PULL-4", reason: /stays suppressed/ }],
    check: (result) => expect(result).toMatchObject({ retirements: [], updates: [], activity: [] }),
  },
  {
    name: "PULL-4: a contact arriving after its lead (same email) retires that lead",
    object: "Contact",
    existing: existingWith([], {
      shownLeads: [{ id: "tandem-lead", sfId: LEAD, emailNormalized: "jane@acme.com", convertedContactSfId: null }],
    }),
    records: [contact],
    actions: [{ kind: "created", rule: "PULL-1", reason: "not in Tandem yet" }],
    check: (result) => {
      expect(result.suppressions).toEqual([
        { leadSfId: LEAD, reason: "email-match", contactSfId: CONTACT, email: "jane@acme.com", suppressedAt: NOW },
      ]);
      expect(result.retirements).toEqual([
        { leadId: "tandem-lead", leadSfId: LEAD, contactId: "new-1", contactSfId: CONTACT, reason: "email-match" },
      ]);
      expect(result.activity.map((entry) => [entry.recordId, entry.event])).toEqual([
        ["new-1", "created-by-pull"],
        ["new-1", "absorbed-lead"],
        ["tandem-lead", "retired-as-lead"],
      ]);
    },
  },
  {
    name: "PULL-4: a contact a shown lead was converted into retires that lead",
    object: "Contact",
    existing: existingWith([stored(contact)], {
      shownLeads: [{ id: "tandem-lead", sfId: LEAD, emailNormalized: null, convertedContactSfId: CONTACT }],
    }),
    records: [{ ...contact, Title: "CTO" }],
    actions: [{ kind: "updated", rule: "PULL-1", reason: "changed in Salesforce: Title" }],
    check: (result) =>
      expect(result.retirements).toEqual([
        {
          leadId: "tandem-lead",
          leadSfId: LEAD,
          contactId: `tandem-${CONTACT}`,
          contactSfId: CONTACT,
          reason: "converted",
        },
      ]),
  },
  {
    name: "PULL-3: a pulled contact marks the unlinked prospect with its email in CRM",
    object: "Contact",
    existing: existingWith([], {
      unlinkedProspects: [
        { id: "prospect-jane", kind: "person", key: "jane@acme.com" },
        { id: "prospect-company", kind: "company", key: "acme.com" },
      ],
    }),
    records: [contact],
    actions: [{ kind: "created", rule: "PULL-1", reason: "not in Tandem yet" }],
    check: (result) => {
      expect(result.prospectMarks).toEqual([
        { prospectId: "prospect-jane", crmRecordType: "person", crmRecordId: "new-1" },
      ]);
      expect(result.activity[1]).toMatchObject({
        recordType: "prospect",
        recordId: "prospect-jane",
        event: "matched-crm",
        message:
          'Now in the CRM: a lead or contact pulled from Salesforce has the same email (jane@acme.com), so this prospect is marked "in CRM".',
        details: {
          crmRecordType: "person",
          crmRecordId: "new-1",
          matchedOn: "email",
          key: "jane@acme.com",
          when: "pulled",
        },
      });
    },
  },
  {
    name: "PULL-3: a pulled account marks company prospects with its web domain",
    object: "Account",
    existing: existingWith([], {
      unlinkedProspects: [{ id: "prospect-acme", kind: "company", key: "acme.com" }],
    }),
    records: [account],
    actions: [{ kind: "created", rule: "PULL-1", reason: "not in Tandem yet" }],
    check: (result) =>
      expect(result.prospectMarks).toEqual([
        { prospectId: "prospect-acme", crmRecordType: "account", crmRecordId: "new-1" },
      ]),
  },
  {
    name: "PULL-3: a suppressed lead marks no prospect",
    object: "Lead",
    existing: existingWith([], {
      activeContactSfIdByEmail: new Map([["jon@acme.com", CONTACT]]),
      unlinkedProspects: [{ id: "prospect-jon", kind: "person", key: "jon@acme.com" }],
    }),
    records: [lead],
    actions: [{ kind: "suppressed", rule: "PULL-4", reason: "a contact has the same email" }],
    check: (result) => expect(result.prospectMarks).toEqual([]),
  },
  {
    name: "PULL-3: an unchanged record marks no prospect (it did when it was written)",
    object: "Contact",
    existing: existingWith([stored(contact)], {
      unlinkedProspects: [{ id: "prospect-jane", kind: "person", key: "jane@acme.com" }],
    }),
    records: [contact],
    actions: [{ kind: "unchanged", rule: "PULL-5", reason: "the same content as the stored copy" }],
    check: (result) => expect(result.prospectMarks).toEqual([]),
  },
  {
    name: "PULL-1: a lead with no contact is pulled like any record",
    object: "Lead",
    existing: existingWith([], { activeContactSfIdByEmail: new Map([["ann@other.com", CONTACT]]) }),
    records: [lead],
    actions: [{ kind: "created", rule: "PULL-1", reason: "not in Tandem yet" }],
    check: (result) => expect(result.inserts[0]).toMatchObject({ kind: "lead", company: "Acme", isConverted: false }),
  },
];

describe("planPulledPage", () => {
  it.each(cases)("$name", ({ object, source, existing, records, actions, check }) => {
    const result = plan(object, existing, records, source);
    expect(result.actions).toHaveLength(records.length);
    result.actions.forEach((action, index) => {
      const expected = actions[index];
      expect(action.sfId).toBe(records[index]?.Id);
      expect({ kind: action.kind, rule: action.rule }).toEqual({ kind: expected?.kind, rule: expected?.rule });
      if (expected?.reason instanceof RegExp) expect(action.reason).toMatch(expected.reason);
      else expect(action.reason).toBe(expected?.reason);
    });
    check?.(result);
  });

  it("PULL-5: a page's counts add up its actions", () => {
    const states: TRecordState[] = ["active", "deleted"];
    const rows = states.map((state, index) => stored({ ...contact, Id: `00300000000000${index}AAA` }, { state }));
    const result = plan("Contact", existingWith(rows), [
      { ...contact, Id: "003000000000000AAA" },
      { ...contact, Id: "003000000000001AAA" },
      { ...contact, Id: "003000000000009AAA" },
      { ...contact, Id: "003000000000000AAA", IsDeleted: true },
    ]);
    expect(result.actions.map((action) => action.kind)).toEqual(["unchanged", "restored", "created", "deleted"]);
    expect(result.counts).toEqual({ created: 1, updated: 1, deleted: 1, unchanged: 1, suppressed: 0, fresh: 1 });
  });
});

describe("pulledPageKeys", () => {
  it("names what the read phase loads: Ids, masters, emails, domains, converted contacts", () => {
    expect(
      pulledPageKeys("Lead", [
        lead,
        { ...lead, Id: "00Q000000000002AAA", Email: "JON@acme.com", IsConverted: true, ConvertedContactId: CONTACT },
        { ...lead, Id: "00Q000000000003AAA", IsDeleted: true, MasterRecordId: LEAD, Email: null },
      ]),
    ).toEqual({
      sfIds: [LEAD, "00Q000000000002AAA", "00Q000000000003AAA"],
      masterSfIds: [LEAD],
      emails: ["jon@acme.com"],
      domains: [],
      convertedContactSfIds: [CONTACT],
      tandemIds: [],
    });
    expect(pulledPageKeys("Account", [account])).toMatchObject({ emails: [], domains: ["acme.com"] });
  });
});
