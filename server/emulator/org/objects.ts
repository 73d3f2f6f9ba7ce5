import { field, objectDef, picklist, systemFields, type FieldDef, type ObjectDef } from "./schema";

/** Salesforce's standard key prefixes for the objects the emulator serves. */
export const KEY_PREFIX = {
  Account: "001",
  Contact: "003",
  Lead: "00Q",
  Opportunity: "006",
  Task: "00T",
  Event: "00U",
  Note: "002",
  ContentNote: "069",
  ContentDocumentLink: "06A",
  User: "005",
  LeadStatus: "01J",
} as const;

export const LEAD_STATUSES = [
  "Open - Not Contacted",
  "Working - Contacted",
  "Closed - Converted",
  "Closed - Not Converted",
];
/** The status a converted lead takes; the LeadStatus row with this label is the converted one. */
export const CONVERTED_LEAD_STATUS = "Closed - Converted";
export const OPPORTUNITY_STAGES = [
  "Prospecting",
  "Qualification",
  "Needs Analysis",
  "Value Proposition",
  "Id. Decision Makers",
  "Perception Analysis",
  "Proposal/Price Quote",
  "Negotiation/Review",
  "Closed Won",
  "Closed Lost",
];
/** Account.Industry's (and Lead.Industry's) picklist values, as a new org ships them. */
export const INDUSTRIES = [
  "Agriculture",
  "Apparel",
  "Banking",
  "Biotechnology",
  "Chemicals",
  "Communications",
  "Construction",
  "Consulting",
  "Education",
  "Electronics",
  "Energy",
  "Engineering",
  "Entertainment",
  "Environmental",
  "Finance",
  "Food & Beverage",
  "Government",
  "Healthcare",
  "Hospitality",
  "Insurance",
  "Machinery",
  "Manufacturing",
  "Media",
  "Not For Profit",
  "Recreation",
  "Retail",
  "Shipping",
  "Technology",
  "Telecommunications",
  "Transportation",
  "Utilities",
  "Other",
];
const LEAD_SOURCES = ["Web", "Phone Inquiry", "Partner Referral", "Purchased List", "Other"];

const ref = (name: string, referenceTo: string[], relationshipName: string, extra: Partial<FieldDef> = {}) =>
  field({ name, type: "reference", referenceTo, relationshipName, ...extra });

function address(prefix: "Billing" | "Shipping" | "Mailing" | ""): FieldDef[] {
  return [
    field({ name: `${prefix}Street`, type: "textarea", length: 255 }),
    field({ name: `${prefix}City`, type: "string", length: 40 }),
    field({ name: `${prefix}State`, type: "string", length: 80 }),
    field({ name: `${prefix}PostalCode`, type: "string", length: 20 }),
    field({ name: `${prefix}Country`, type: "string", length: 80 }),
  ];
}

/** The External Id a sync upserts by: unique, case-insensitive, indexed. */
export const tandemIdField = () =>
  field({ name: "Tandem_Id__c", type: "string", label: "Tandem ID", length: 64, externalId: true, unique: true });

/** A custom field many orgs add to people; the demo org leaves it empty, for enrichment to fill. */
const linkedInUrlField = () => field({ name: "LinkedIn_URL__c", type: "url", label: "LinkedIn URL", length: 255 });

const withMaster = (def: ObjectDef): ObjectDef => {
  const master = def.byLowerName.get("masterrecordid");
  if (master) master.referenceTo = [def.name];
  return def;
};

const computedName = (length: number) =>
  field({
    name: "Name",
    type: "string",
    label: "Full Name",
    length,
    createable: false,
    updateable: false,
    calculated: true,
  });

export function standardObjects(): ObjectDef[] {
  const account = withMaster(
    objectDef(
      "Account",
      KEY_PREFIX.Account,
      [
        ...systemFields({ owner: true, master: true }),
        field({ name: "Name", type: "string", label: "Account Name", nillable: false }),
        field({
          name: "Type",
          type: "picklist",
          label: "Account Type",
          length: 255,
          picklistValues: picklist([
            "Prospect",
            "Customer - Direct",
            "Customer - Channel",
            "Channel Partner / Reseller",
            "Installation Partner",
            "Technology Partner",
            "Other",
          ]),
        }),
        ref("ParentId", ["Account"], "Parent"),
        ...address("Billing"),
        ...address("Shipping"),
        field({ name: "Phone", type: "phone" }),
        field({ name: "Website", type: "url" }),
        field({ name: "Industry", type: "picklist", picklistValues: picklist(INDUSTRIES) }),
        field({ name: "AnnualRevenue", type: "currency" }),
        field({ name: "NumberOfEmployees", type: "int", label: "Employees", precision: 8 }),
        field({ name: "Description", type: "textarea" }),
        tandemIdField(),
      ],
      { mergeable: true },
    ),
  );

  const contact = withMaster(
    objectDef(
      "Contact",
      KEY_PREFIX.Contact,
      [
        ...systemFields({ owner: true, master: true }),
        ref("AccountId", ["Account"], "Account", { label: "Account ID" }),
        field({ name: "LastName", type: "string", label: "Last Name", length: 80, nillable: false }),
        field({ name: "FirstName", type: "string", label: "First Name", length: 40 }),
        field({
          name: "Salutation",
          type: "picklist",
          picklistValues: picklist(["Mr.", "Ms.", "Mrs.", "Dr.", "Prof."]),
        }),
        computedName(121),
        ...address("Mailing"),
        field({ name: "Phone", type: "phone", label: "Business Phone" }),
        field({ name: "MobilePhone", type: "phone", label: "Mobile Phone" }),
        field({ name: "Email", type: "email" }),
        field({ name: "Title", type: "string", length: 128 }),
        field({ name: "Department", type: "string", length: 80 }),
        field({ name: "LeadSource", type: "picklist", picklistValues: picklist(LEAD_SOURCES) }),
        field({ name: "HasOptedOutOfEmail", type: "boolean", label: "Email Opt Out" }),
        field({ name: "Description", type: "textarea" }),
        linkedInUrlField(),
        tandemIdField(),
      ],
      { mergeable: true },
    ),
  );

  const lead = withMaster(
    objectDef(
      "Lead",
      KEY_PREFIX.Lead,
      [
        ...systemFields({ owner: true, master: true }),
        field({ name: "LastName", type: "string", label: "Last Name", length: 80, nillable: false }),
        field({ name: "FirstName", type: "string", label: "First Name", length: 40 }),
        computedName(121),
        field({ name: "Title", type: "string", length: 128 }),
        field({ name: "Company", type: "string", length: 255, nillable: false }),
        ...address(""),
        field({ name: "Phone", type: "phone" }),
        field({ name: "MobilePhone", type: "phone", label: "Mobile Phone" }),
        field({ name: "Email", type: "email" }),
        field({ name: "Website", type: "url" }),
        field({ name: "Industry", type: "picklist", picklistValues: picklist(INDUSTRIES) }),
        field({ name: "LeadSource", type: "picklist", picklistValues: picklist(LEAD_SOURCES) }),
        field({
          name: "Status",
          type: "picklist",
          label: "Lead Status",
          nillable: false,
          defaultedOnCreate: true,
          picklistValues: picklist(LEAD_STATUSES, "Open - Not Contacted"),
        }),
        field({ name: "NumberOfEmployees", type: "int", label: "Employees", precision: 8 }),
        field({ name: "HasOptedOutOfEmail", type: "boolean", label: "Email Opt Out" }),
        field({ name: "IsConverted", type: "boolean", label: "Converted", createable: true, updateable: false }),
        field({ name: "ConvertedDate", type: "date", label: "Converted Date", createable: false, updateable: false }),
        ref("ConvertedAccountId", ["Account"], "ConvertedAccount", { createable: false, updateable: false }),
        ref("ConvertedContactId", ["Contact"], "ConvertedContact", { createable: false, updateable: false }),
        ref("ConvertedOpportunityId", ["Opportunity"], "ConvertedOpportunity", {
          createable: false,
          updateable: false,
        }),
        field({ name: "Description", type: "textarea" }),
        linkedInUrlField(),
        tandemIdField(),
      ],
      { mergeable: true },
    ),
  );

  const opportunity = objectDef(
    "Opportunity",
    KEY_PREFIX.Opportunity,
    [
      ...systemFields({ owner: true, master: false }),
      ref("AccountId", ["Account"], "Account", { label: "Account ID" }),
      field({ name: "Name", type: "string", length: 120, nillable: false }),
      field({
        name: "StageName",
        type: "picklist",
        label: "Stage",
        nillable: false,
        picklistValues: picklist(OPPORTUNITY_STAGES),
      }),
      field({ name: "CloseDate", type: "date", label: "Close Date", nillable: false }),
      field({ name: "Amount", type: "currency" }),
      field({ name: "Probability", type: "double", label: "Probability (%)", precision: 3, scale: 0 }),
      field({
        name: "Type",
        type: "picklist",
        label: "Opportunity Type",
        picklistValues: picklist([
          "Existing Customer - Upgrade",
          "Existing Customer - Replacement",
          "Existing Customer - Downgrade",
          "New Customer",
        ]),
      }),
      field({ name: "LeadSource", type: "picklist", picklistValues: picklist(LEAD_SOURCES) }),
      field({ name: "NextStep", type: "string", length: 255 }),
      field({
        name: "IsClosed",
        type: "boolean",
        label: "Closed",
        createable: false,
        updateable: false,
        calculated: true,
      }),
      field({ name: "IsWon", type: "boolean", label: "Won", createable: false, updateable: false, calculated: true }),
      field({ name: "Description", type: "textarea" }),
      tandemIdField(),
    ],
    { labelPlural: "Opportunities" },
  );

  const activityRefs = () => [
    ref("WhoId", ["Contact", "Lead"], "Who", { label: "Name ID" }),
    ref("WhatId", ["Account", "Opportunity"], "What", { label: "Related To ID" }),
    ref("AccountId", ["Account"], "Account", { createable: false, updateable: false, calculated: true }),
  ];
  const task = objectDef(
    "Task",
    KEY_PREFIX.Task,
    [
      ...systemFields({ owner: true, master: false }),
      ...activityRefs(),
      field({ name: "Subject", type: "string", length: 255 }),
      field({ name: "ActivityDate", type: "date", label: "Due Date Only" }),
      field({
        name: "Status",
        type: "picklist",
        nillable: false,
        defaultedOnCreate: true,
        picklistValues: picklist(
          ["Not Started", "In Progress", "Completed", "Waiting on someone else", "Deferred"],
          "Not Started",
        ),
      }),
      field({
        name: "Priority",
        type: "picklist",
        nillable: false,
        defaultedOnCreate: true,
        picklistValues: picklist(["High", "Normal", "Low"], "Normal"),
      }),
      field({
        name: "TaskSubtype",
        type: "picklist",
        label: "Task Subtype",
        picklistValues: picklist(["Task", "Email", "Call"]),
      }),
      field({ name: "CallDurationInSeconds", type: "int", label: "Call Duration", precision: 8 }),
      field({
        name: "IsClosed",
        type: "boolean",
        label: "Closed",
        createable: false,
        updateable: false,
        calculated: true,
      }),
      field({ name: "Description", type: "textarea" }),
    ],
    { label: "Task" },
  );

  const event = objectDef("Event", KEY_PREFIX.Event, [
    ...systemFields({ owner: true, master: false }),
    ...activityRefs(),
    field({ name: "Subject", type: "string", length: 255 }),
    field({ name: "Location", type: "string", length: 255 }),
    field({ name: "IsAllDayEvent", type: "boolean", label: "All-Day Event" }),
    field({ name: "ActivityDate", type: "date", label: "Due Date Only" }),
    field({ name: "ActivityDateTime", type: "datetime", label: "Due Date Time" }),
    field({ name: "StartDateTime", type: "datetime", label: "Start Date Time" }),
    field({ name: "EndDateTime", type: "datetime", label: "End Date Time" }),
    field({ name: "DurationInMinutes", type: "int", label: "Duration", precision: 8 }),
    field({ name: "Description", type: "textarea" }),
  ]);

  const note = objectDef("Note", KEY_PREFIX.Note, [
    ...systemFields({ owner: true, master: false }),
    ref("ParentId", ["Account", "Contact", "Lead", "Opportunity"], "Parent", {
      label: "Parent ID",
      nillable: false,
      updateable: false,
    }),
    field({ name: "Title", type: "string", length: 80, nillable: false }),
    field({ name: "Body", type: "textarea", length: 32000 }),
    field({ name: "IsPrivate", type: "boolean", label: "Private" }),
  ]);

  const contentNote = objectDef(
    "ContentNote",
    KEY_PREFIX.ContentNote,
    [
      ...systemFields({ owner: true, master: false }),
      field({ name: "Title", type: "string", length: 255, nillable: false }),
      // Content is base64 of the note's HTML or plain text, as the ContentNote reference says.
      field({ name: "Content", type: "base64", length: 131072 }),
      field({
        name: "TextPreview",
        type: "string",
        label: "Text Preview",
        length: 255,
        createable: false,
        updateable: false,
        calculated: true,
      }),
      field({ name: "FileType", type: "string", label: "File Type", length: 20, createable: false, updateable: false }),
      field({ name: "ContentSize", type: "int", label: "Size", createable: false, updateable: false }),
    ],
    { label: "Note", labelPlural: "Notes" },
  );

  const contentDocumentLink = objectDef(
    "ContentDocumentLink",
    KEY_PREFIX.ContentDocumentLink,
    [
      field({ name: "Id", type: "id", label: "ContentDocument Link ID", nillable: false, defaultedOnCreate: true }),
      field({
        name: "IsDeleted",
        type: "boolean",
        label: "Deleted",
        createable: false,
        updateable: false,
        nillable: false,
        defaultedOnCreate: true,
      }),
      field({
        name: "SystemModstamp",
        type: "datetime",
        label: "System Modstamp",
        createable: false,
        updateable: false,
        nillable: false,
        defaultedOnCreate: true,
      }),
      ref("LinkedEntityId", ["Account", "Contact", "Lead", "Opportunity", "User"], "LinkedEntity", {
        nillable: false,
        updateable: false,
      }),
      ref("ContentDocumentId", ["ContentDocument"], "ContentDocument", { nillable: false, updateable: false }),
      field({
        name: "ShareType",
        type: "picklist",
        nillable: false,
        defaultedOnCreate: true,
        picklistValues: picklist(["V", "C", "I"], "V"),
      }),
      field({
        name: "Visibility",
        type: "picklist",
        defaultedOnCreate: true,
        picklistValues: picklist(["AllUsers", "InternalUsers", "SharedUsers"], "AllUsers"),
      }),
    ],
    { label: "Content Document Link", replicateable: false },
  );

  const user = objectDef(
    "User",
    KEY_PREFIX.User,
    [
      ...systemFields({ owner: false, master: false }),
      field({ name: "Username", type: "string", length: 80, nillable: false, unique: true }),
      field({ name: "LastName", type: "string", label: "Last Name", length: 80, nillable: false }),
      field({ name: "FirstName", type: "string", label: "First Name", length: 40 }),
      computedName(121),
      field({ name: "Email", type: "email", nillable: false }),
      field({ name: "Alias", type: "string", length: 8, nillable: false }),
      field({ name: "Title", type: "string", length: 80 }),
      field({ name: "IsActive", type: "boolean", label: "Active" }),
      field({
        name: "TimeZoneSidKey",
        type: "picklist",
        label: "Time Zone",
        nillable: false,
        picklistValues: picklist(["America/Los_Angeles", "America/New_York", "Europe/London", "GMT"]),
      }),
    ],
    { createable: false, updateable: false, deletable: false },
  );

  // The Lead Status picklist as an object: read-only, and without IsDeleted (describe has none).
  const leadStatus = objectDef(
    "LeadStatus",
    KEY_PREFIX.LeadStatus,
    [
      field({ name: "Id", type: "id", label: "Lead Status Value ID", nillable: false, defaultedOnCreate: true }),
      ...systemFields({ owner: false, master: false }).filter((f) => f.name !== "Id" && f.name !== "IsDeleted"),
      field({ name: "MasterLabel", type: "string", label: "Master Label", createable: false, updateable: false }),
      field({
        name: "ApiName",
        type: "string",
        label: "API Name",
        nillable: false,
        createable: false,
        updateable: false,
      }),
      field({
        name: "SortOrder",
        type: "int",
        label: "Sort Order",
        precision: 9,
        createable: false,
        updateable: false,
      }),
      field({ name: "IsConverted", type: "boolean", label: "Is Converted", createable: false, updateable: false }),
      field({ name: "IsDefault", type: "boolean", label: "Is Default", createable: false, updateable: false }),
    ],
    {
      label: "Lead Status Value",
      createable: false,
      updateable: false,
      deletable: false,
      replicateable: false,
    },
  );

  return [account, contact, lead, opportunity, task, event, note, contentNote, contentDocumentLink, user, leadStatus];
}

/** ContentDocumentLink.ContentDocumentId points at ContentDocument; our ContentNote rows are those documents. */
export const OBJECT_ALIASES: Record<string, string> = { ContentDocument: "ContentNote" };
