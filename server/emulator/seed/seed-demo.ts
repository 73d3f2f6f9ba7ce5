import { en, Faker } from "@faker-js/faker";
import type { OrgContext } from "../context";
import { LEAD_STATUSES, OPPORTUNITY_STAGES } from "../org/objects";
import type { OrgRules } from "../org/rules";
import { SeedBuilder } from "./seed-builder";
import { formatDate } from "../org/serialize";
import type { SfValue } from "../org/store";
import { demoOrgRules, demoOutboundRules } from "./seed-demo-rules";
import type { OutboundMessages } from "../soap/outbound";

const DAY = 86_400_000;
const INDUSTRIES = [
  "Technology",
  "Manufacturing",
  "Healthcare",
  "Finance",
  "Retail",
  "Consulting",
  "Education",
  "Energy",
  "Media",
  "Transportation",
];
const LEAD_SOURCES = ["Web", "Phone Inquiry", "Partner Referral", "Purchased List", "Other"];

export interface DemoCounts {
  accounts: number;
  contacts: number;
  leads: number;
  opportunities: number;
}

/**
 * Fields left empty on some demo records, so that enrichment from the prospect database has
 * something to fill (MAP-2). Chosen by position and applied after the record's faker draws, so
 * every other value of the org stays as it was.
 */
const sparseAccount = (index: number): Record<string, SfValue> =>
  index % 8 === 5 ? { Industry: null } : index % 8 === 1 ? { Phone: null } : {};
// Only for contacts with an email: one without both breaks Contact_Requires_Email_Or_Phone, and
// the demo has its own few of those on purpose.
const sparseContact = (index: number): Record<string, SfValue> => ({
  ...(index % 6 === 5 ? { Title: null } : {}),
  ...(index % 10 === 3 ? { Phone: null } : {}),
});
const sparseLead = (index: number): Record<string, SfValue> => (index % 6 === 5 ? { Title: null } : {});

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "")
    .slice(0, 24) || "company";

/**
 * A believable small company's org, the same on every run: a few hundred accounts, about two
 * thousand contacts, leads and opportunities, and the cases a sync must get right — leads
 * sharing an email with a contact, converted leads, exact and fuzzy duplicates, records that
 * break a validation rule on their next update.
 */
export function seedDemo(
  org: OrgContext,
  rules: OrgRules,
  outbound: OutboundMessages,
  endpointUrl: string,
  counts: DemoCounts = { accounts: 300, contacts: 2000, leads: 500, opportunities: 400 },
): void {
  const f = new Faker({ locale: [en] });
  f.seed(20240601);
  const now = org.clock();
  const start = now - 365 * DAY;
  const b = new SeedBuilder(org, org.demoUserId);
  const when = () => start + Math.floor(f.number.float({ min: 0, max: 1 }) * (now - start - 2 * 60_000));
  const later = (t: number) => Math.min(now - 60_000, t + Math.floor(f.number.float({ min: 0, max: 1 }) * 60 * DAY));

  const reps = ["Riley Chen", "Sam Patel", "Jordan Lee", "Alex Morgan"].map((name, i) => {
    const [first, last] = name.split(" ");
    const email = `${first!.toLowerCase()}.${last!.toLowerCase()}@tandem-demo.example`;
    return b.add(
      "User",
      {
        Username: email,
        FirstName: first,
        LastName: last,
        Email: email,
        Alias: `${first!.slice(0, 1)}${last!.slice(0, 4)}`.toLowerCase(),
        Title: "Account Executive",
        IsActive: true,
        TimeZoneSidKey: "America/New_York",
      },
      start + i,
    );
  });
  const owners = [org.demoUserId, ...reps];
  const owner = () => f.helpers.arrayElement(owners);

  interface Company {
    id: string;
    name: string;
    domain: string;
  }
  const accounts: Company[] = [];
  const addAccount = (name: string, website: string, domain: string, extra: Record<string, SfValue> = {}) => {
    const created = when();
    const id = b.add(
      "Account",
      {
        Name: name,
        Website: website,
        Phone: f.phone.number({ style: "national" }),
        Industry: f.helpers.arrayElement(INDUSTRIES),
        Type: f.helpers.arrayElement([
          "Prospect",
          "Customer - Direct",
          "Customer - Channel",
          "Channel Partner / Reseller",
        ]),
        BillingStreet: f.location.streetAddress(),
        BillingCity: f.location.city(),
        BillingState: f.location.state({ abbreviated: true }),
        BillingPostalCode: f.location.zipCode(),
        BillingCountry: "United States",
        NumberOfEmployees: f.number.int({ min: 5, max: 5000 }),
        AnnualRevenue: f.number.int({ min: 1, max: 500 }) * 100_000,
        OwnerId: owner(),
        ...extra,
      },
      created,
      later(created),
    );
    accounts.push({ id, name, domain });
    return id;
  };
  // Fuzzy duplicate accounts: same web domain, different spellings.
  const acme = addAccount("Acme Inc", "https://www.acme.com", "acme.com");
  addAccount("ACME, Incorporated", "acme.com", "acme.com");
  // Exact duplicate accounts.
  addAccount("Globex Corporation", "https://globex.com", "globex.com");
  addAccount("Globex Corporation", "https://globex.com", "globex.com");
  const usedNames = new Set(accounts.map((a) => a.name));
  while (accounts.length < counts.accounts) {
    const name = f.company.name();
    if (usedNames.has(name)) continue;
    usedNames.add(name);
    const domain = `${slug(name)}.com`;
    addAccount(name, `https://www.${domain}`, domain, sparseAccount(accounts.length));
  }

  interface Person {
    id: string;
    first: string;
    last: string;
    email: string | null;
    account: Company;
  }
  const contacts: Person[] = [];
  const addContact = (
    first: string,
    last: string,
    account: Company,
    email: string | null,
    extra: Record<string, SfValue> = {},
  ) => {
    const created = when();
    const id = b.add(
      "Contact",
      {
        FirstName: first,
        LastName: last,
        AccountId: account.id,
        Email: email,
        Title: f.person.jobTitle().slice(0, 128),
        Phone: f.phone.number({ style: "national" }),
        Department: f.commerce.department(),
        LeadSource: f.helpers.arrayElement(LEAD_SOURCES),
        MailingStreet: f.location.streetAddress(),
        MailingCity: f.location.city(),
        MailingState: f.location.state({ abbreviated: true }),
        MailingPostalCode: f.location.zipCode(),
        MailingCountry: "United States",
        OwnerId: owner(),
        ...extra,
      },
      created,
      later(created),
    );
    contacts.push({ id, first, last, email, account });
    return id;
  };
  const acmeCo = accounts.find((a) => a.id === acme)!;
  // Fuzzy duplicate people: Jon Smith / Jonathan Smith at the same company.
  // One person entered twice: the second copy keeps the desk phone and office address.
  const jonSmith = addContact("Jon", "Smith", acmeCo, "jon.smith@acme.com");
  const jon = b.peek(jonSmith)!;
  addContact("Jonathan", "Smith", acmeCo, "jsmith@acme.com", {
    Phone: jon.Phone ?? null,
    MailingStreet: jon.MailingStreet ?? null,
    MailingCity: jon.MailingCity ?? null,
    MailingPostalCode: jon.MailingPostalCode ?? null,
  });
  // Exact duplicate people: same name, same email, same account.
  const dupCo = accounts[10]!;
  addContact("Maria", "Garcia", dupCo, `maria.garcia@${dupCo.domain}`);
  addContact("Maria", "Garcia", dupCo, `maria.garcia@${dupCo.domain}`);
  let noReach = 0;
  while (contacts.length < counts.contacts) {
    const first = f.person.firstName();
    const last = f.person.lastName();
    const account = f.helpers.arrayElement(accounts);
    // Every 100th contact has neither email nor phone: it breaks Contact_Requires_Email_Or_Phone on its next update.
    if (contacts.length % 100 === 7) {
      noReach++;
      addContact(first, last, account, null, { Phone: null });
      continue;
    }
    addContact(
      first,
      last,
      account,
      `${slug(first)}.${slug(last)}${contacts.length}@${account.domain}`.slice(0, 80),
      sparseContact(contacts.length),
    );
  }

  // The recycle bin: a few deleted contacts, and a few merged into a surviving duplicate.
  for (let i = 0; i < 5; i++) {
    const c = contacts[1500 + i * 17]!;
    const created = when();
    b.add(
      "Contact",
      {
        FirstName: c.first,
        LastName: `${c.last}`,
        AccountId: c.account.id,
        Email: `old.${i}.${c.email ?? "x@example.com"}`.slice(0, 80),
        IsDeleted: true,
        OwnerId: owner(),
      },
      created,
      later(created),
    );
  }
  for (let i = 0; i < 3; i++) {
    const survivor = contacts[1700 + i * 23]!;
    const created = when();
    b.add(
      "Contact",
      {
        FirstName: survivor.first,
        LastName: survivor.last,
        AccountId: survivor.account.id,
        Email: survivor.email,
        IsDeleted: true,
        MasterRecordId: survivor.id,
        OwnerId: owner(),
      },
      created,
      later(created),
    );
  }

  const addLead = (
    first: string,
    last: string,
    company: string,
    email: string | null,
    extra: Record<string, SfValue> = {},
  ) => {
    const created = when();
    return b.add(
      "Lead",
      {
        FirstName: first,
        LastName: last,
        Company: company,
        Email: email,
        Title: f.person.jobTitle().slice(0, 128),
        Phone: f.phone.number({ style: "national" }),
        LeadSource: f.helpers.arrayElement(LEAD_SOURCES),
        Status: f.helpers.arrayElement(LEAD_STATUSES.filter((s) => s !== "Closed - Converted")),
        Industry: f.helpers.arrayElement(INDUSTRIES),
        City: f.location.city(),
        State: f.location.state({ abbreviated: true }),
        Country: "United States",
        OwnerId: owner(),
        ...extra,
      },
      created,
      later(created),
    );
  };
  let leads = 0;
  // Leads that share an email with a contact (the sync keeps the contact).
  for (let i = 0; i < 40; i++, leads++) {
    const c = contacts[20 + i * 37]!;
    addLead(c.first, c.last, c.account.name, c.email);
  }
  // Converted leads, pointing at the contact and account they became.
  for (let i = 0; i < 50; i++, leads++) {
    const c = contacts[1000 + i * 13]!;
    const convertedAt = when();
    addLead(c.first, c.last, c.account.name, c.email, {
      IsConverted: true,
      Status: "Closed - Converted",
      ConvertedDate: formatDate(convertedAt),
      ConvertedContactId: c.id,
      ConvertedAccountId: c.account.id,
    });
  }
  // A fuzzy duplicate lead pair.
  addLead("Jon", "Smith", "Acme Inc", "jon.smith@acme.com");
  addLead("Jonathan", "Smith", "ACME, Incorporated", "jonathan.smith@acme.com");
  leads += 2;
  for (; leads < counts.leads; leads++) {
    const first = f.person.firstName();
    const last = f.person.lastName();
    const company = f.company.name();
    addLead(first, last, company, `${slug(first)}.${slug(last)}@${slug(company)}.com`.slice(0, 80), sparseLead(leads));
  }

  for (let i = 0; i < counts.opportunities; i++) {
    const account = accounts[i % accounts.length]!;
    const stage = f.helpers.arrayElement(OPPORTUNITY_STAGES);
    const created = when();
    // Every 25th Closed Won opportunity has no Amount: it breaks Closed_Won_Requires_Amount on update.
    const amount = stage === "Closed Won" && i % 5 === 0 ? null : f.number.int({ min: 5, max: 400 }) * 1000;
    b.add(
      "Opportunity",
      {
        Name: `${account.name} - ${f.commerce.productName()}`.slice(0, 120),
        AccountId: account.id,
        StageName: stage,
        CloseDate: formatDate(created + f.number.int({ min: 10, max: 120 }) * DAY),
        Amount: amount,
        Probability: f.number.int({ min: 0, max: 100 }),
        LeadSource: f.helpers.arrayElement(LEAD_SOURCES),
        OwnerId: owner(),
      },
      created,
      later(created),
    );
  }

  for (let i = 0; i < 300; i++) {
    const c = contacts[(i * 7) % contacts.length]!;
    const created = when();
    b.add(
      "Task",
      {
        Subject: f.helpers.arrayElement(["Call", "Send proposal", "Follow up", "Email", "Schedule demo"]),
        WhoId: c.id,
        WhatId: c.account.id,
        ActivityDate: formatDate(created + f.number.int({ min: 0, max: 14 }) * DAY),
        Status: f.helpers.arrayElement(["Not Started", "In Progress", "Completed"]),
        Priority: f.helpers.arrayElement(["High", "Normal", "Low"]),
        TaskSubtype: f.helpers.arrayElement(["Task", "Call", "Email"]),
        OwnerId: owner(),
        AccountId: c.account.id,
      },
      created,
      later(created),
    );
  }
  for (let i = 0; i < 100; i++) {
    const c = contacts[(i * 11) % contacts.length]!;
    const created = when();
    const startAt = Math.floor((created + f.number.int({ min: 1, max: 30 }) * DAY) / 1_800_000) * 1_800_000;
    b.add(
      "Event",
      {
        Subject: f.helpers.arrayElement(["Meeting", "Demo", "Discovery call", "Lunch"]),
        WhoId: c.id,
        WhatId: c.account.id,
        StartDateTime: startAt,
        ActivityDateTime: startAt,
        DurationInMinutes: 30,
        EndDateTime: startAt + 30 * 60_000,
        Location: f.location.city(),
        OwnerId: owner(),
        AccountId: c.account.id,
      },
      created,
      later(created),
    );
  }
  // An org without enhanced notes has only the legacy Note; the draws stay the same either way.
  const enhancedNotes = org.store.table("ContentNote") !== undefined;
  for (let i = 0; i < 20; i++) {
    const c = contacts[i * 50]!;
    const created = when();
    b.add("Note", { ParentId: c.id, Title: f.lorem.words(3).slice(0, 80), Body: f.lorem.paragraph() }, created);
    const html = `<p>${f.lorem.sentence()}</p>`;
    const title = f.lorem.words(4);
    if (!enhancedNotes) continue;
    const noteId = b.add("ContentNote", { Title: title, Content: Buffer.from(html).toString("base64") }, created);
    b.add(
      "ContentDocumentLink",
      { ContentDocumentId: noteId, LinkedEntityId: c.id, ShareType: "V", Visibility: "AllUsers" },
      created,
    );
  }
  void noReach;
  b.commit();
  demoOrgRules(rules);
  demoOutboundRules(
    outbound,
    endpointUrl,
    (object, field) => org.store.table(object)?.def.byLowerName.has(field.toLowerCase()) ?? false,
  );
}
