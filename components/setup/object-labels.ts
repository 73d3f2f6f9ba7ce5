export const OBJECT_LABELS = {
  Account: { one: "account", many: "Accounts" },
  Contact: { one: "contact", many: "Contacts" },
  Lead: { one: "lead", many: "Leads" },
  Opportunity: { one: "opportunity", many: "Opportunities" },
} as const;
