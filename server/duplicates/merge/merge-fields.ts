/**
 * DUP-3: the fields a merge lets the rep choose, per kind of survivor. Keys are the records'
 * column names (prospects and CRM records share them where they mean the same thing).
 */

export type TMergeKind = "contact" | "lead" | "account" | "person" | "company";
export type TMergeField = { key: string; label: string };

const f = (key: string, label: string): TMergeField => ({ key, label });

export const MERGE_FIELDS: Record<TMergeKind, readonly TMergeField[]> = {
  contact: [
    f("firstName", "First name"),
    f("lastName", "Last name"),
    f("email", "Email"),
    f("phone", "Phone"),
    f("title", "Title"),
  ],
  lead: [
    f("firstName", "First name"),
    f("lastName", "Last name"),
    f("email", "Email"),
    f("phone", "Phone"),
    f("title", "Title"),
    f("company", "Company"),
  ],
  account: [
    f("name", "Account name"),
    f("website", "Website"),
    f("phone", "Phone"),
    f("industry", "Industry"),
    f("city", "City"),
    f("country", "Country"),
    f("type", "Type"),
  ],
  person: [
    f("firstName", "First name"),
    f("lastName", "Last name"),
    f("email", "Email"),
    f("phone", "Phone"),
    f("title", "Title"),
    f("company", "Company"),
    f("website", "Website"),
    f("city", "City"),
    f("country", "Country"),
    f("linkedinUrl", "LinkedIn"),
  ],
  company: [
    f("name", "Name"),
    f("website", "Website"),
    f("phone", "Phone"),
    f("industry", "Industry"),
    f("city", "City"),
    f("country", "Country"),
  ],
};

/** The Salesforce field each CRM column is sent as, when "Also merge in Salesforce" keeps the survivor's values. */
export const SALESFORCE_FIELD_OF: Record<string, string> = {
  firstName: "FirstName",
  lastName: "LastName",
  email: "Email",
  phone: "Phone",
  title: "Title",
  company: "Company",
  name: "Name",
  website: "Website",
  industry: "Industry",
  type: "Type",
};
