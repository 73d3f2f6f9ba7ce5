import type { OutboundMessages } from "../soap/outbound";
import type { OrgRules } from "../org/rules";

/** The demo org's validation and duplicate rules (Salesforce's standard rules alert, not block). */
export function demoOrgRules(rules: OrgRules): void {
  rules.addValidationRule({
    object: "Opportunity",
    name: "Closed_Won_Requires_Amount",
    condition: "StageName = 'Closed Won' AND Amount = null",
    errorMessage: "A Closed Won opportunity needs an Amount.",
    errorField: "Amount",
  });
  // A null Amount compares false, so only an entered zero or negative Amount is refused.
  rules.addValidationRule({
    object: "Opportunity",
    name: "Amount_Must_Be_Positive",
    condition: "Amount <= 0",
    errorMessage: "Amount must be greater than zero.",
    errorField: "Amount",
  });
  rules.addValidationRule({
    object: "Contact",
    name: "Contact_Requires_Email_Or_Phone",
    condition: "Email = null AND Phone = null AND MobilePhone = null",
    errorMessage: "Enter an email address or a phone number for this contact.",
  });
  rules.addValidationRule({
    object: "Contact",
    name: "Web_Contacts_Need_Email",
    condition: "LeadSource = 'Web' AND Email = null",
    errorMessage: "Contacts from the web need an email address.",
    errorField: "Email",
  });
  rules.addDuplicateRule({
    object: "Contact",
    name: "Standard_Contact_Duplicate_Rule",
    matchRule: "Standard_Contact_Match_Rule_v1_1",
    action: "alert",
    matchFields: [["Email"], ["FirstName", "LastName", "AccountId"]],
  });
  rules.addDuplicateRule({
    object: "Lead",
    name: "Standard_Lead_Duplicate_Rule",
    matchRule: "Standard_Lead_Match_Rule_v1_0",
    action: "alert",
    matchFields: [["Email"]],
  });
  rules.addDuplicateRule({
    object: "Account",
    name: "Standard_Account_Duplicate_Rule",
    matchRule: "Standard_Account_Match_Rule_v1_0",
    action: "alert",
    matchFields: [["Name"]],
  });
}

/** Outbound messages ready to switch on from the admin API: inactive until then. */
export function demoOutboundRules(
  outbound: OutboundMessages,
  endpointUrl: string,
  hasField: (object: string, field: string) => boolean,
): void {
  const common = ["Id", "SystemModstamp", "CreatedDate", "LastModifiedDate", "IsDeleted", "OwnerId"];
  const add = (rule: { name: string; object: string; fields: string[] }) =>
    outbound.addRule({
      ...rule,
      endpointUrl,
      active: false,
      fields: rule.fields.filter((f) => hasField(rule.object, f)),
    });
  add({
    name: "Tandem_Contact_Changes",
    object: "Contact",
    fields: [
      ...common,
      "FirstName",
      "LastName",
      "Email",
      "Phone",
      "MobilePhone",
      "Title",
      "AccountId",
      "MasterRecordId",
      "Tandem_Id__c",
    ],
  });
  add({
    name: "Tandem_Lead_Changes",
    object: "Lead",
    fields: [
      ...common,
      "FirstName",
      "LastName",
      "Email",
      "Phone",
      "Title",
      "Company",
      "Status",
      "IsConverted",
      "ConvertedContactId",
      "ConvertedAccountId",
      "MasterRecordId",
      "Tandem_Id__c",
    ],
  });
  add({
    name: "Tandem_Account_Changes",
    object: "Account",
    fields: [...common, "Name", "Website", "Phone", "Industry", "MasterRecordId", "Tandem_Id__c"],
  });
  add({
    name: "Tandem_Opportunity_Changes",
    object: "Opportunity",
    fields: [...common, "Name", "StageName", "CloseDate", "Amount", "AccountId", "Tandem_Id__c"],
  });
}
