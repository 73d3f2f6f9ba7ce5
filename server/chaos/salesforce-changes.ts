import type { SalesforceDriver } from "./salesforce-driver";
import type { TRoundPlan, TSeededObject, TWorkloadPlan } from "./workload";

/** Salesforce Ids of the synthetic records, by object and position in the bulk insert. */
export type TSyntheticIds = Record<TSeededObject, string[]>;

/**
 * The first pull's org: synthetic records in the bench's mix (accounts first, so contacts get
 * accounts), then their Ids read back by the trailing number each one carries in its name.
 */
export async function seedOrg(salesforce: SalesforceDriver, plan: TWorkloadPlan): Promise<TSyntheticIds> {
  for (const object of ["Account", "Contact", "Lead", "Opportunity"] as const)
    await salesforce.admin("records", { object, count: plan.counts[object] });
  const ids = { Account: [], Contact: [], Lead: [], Opportunity: [] } as TSyntheticIds;
  const read = async (object: TSeededObject, field: string) => {
    for (const record of await salesforce.queryAll(`SELECT Id, ${field} FROM ${object}`)) {
      const index = Number(/(\d+)$/.exec(String(record[field]))?.[1]);
      ids[object][index] = record.Id;
    }
  };
  await read("Account", "Name");
  await read("Contact", "LastName");
  await read("Lead", "LastName");
  await read("Opportunity", "Name");
  return ids;
}

/** Outbound-message rules for the synced objects, pointing at the web server. */
export async function addOutboundRules(salesforce: SalesforceDriver, endpointUrl: string) {
  const rules = {
    Contact: ["FirstName", "LastName", "Email", "Title", "Phone"],
    Account: ["Name", "Website", "Industry"],
    Opportunity: ["Name", "StageName"],
  };
  for (const [object, fields] of Object.entries(rules))
    await salesforce.admin("outbound-messages", { object, fields, endpointUrl });
}

/** One round's changes made in Salesforce: edits, creates, deletes, and the duplicate pair. */
export async function applySalesforceChanges(
  salesforce: SalesforceDriver,
  ids: TSyntheticIds,
  changes: TRoundPlan["salesforce"],
): Promise<void> {
  const contactEdits = new Map<string, Record<string, unknown> & { Id: string }>();
  for (const { index, title } of changes.contactTitles) {
    const Id = ids.Contact[index]!;
    contactEdits.set(Id, { ...contactEdits.get(Id), Id, Title: title });
  }
  for (const { index, phone } of changes.contactPhones) {
    const Id = ids.Contact[index]!;
    contactEdits.set(Id, { ...contactEdits.get(Id), Id, Phone: phone });
  }
  await salesforce.update("Contact", [...contactEdits.values()]);
  await salesforce.update(
    "Account",
    changes.accountIndustries.map(({ index, industry }) => ({ Id: ids.Account[index]!, Industry: industry })),
  );
  await salesforce.create(
    "Contact",
    changes.newContacts.map(({ accountIndex, ...person }) => ({
      FirstName: person.firstName,
      LastName: person.lastName,
      Email: person.email,
      AccountId: ids.Account[accountIndex],
    })),
  );
  if (changes.duplicatePair) {
    // One at a time, as two people would enter them: two records, each with its own Id.
    for (const person of changes.duplicatePair)
      await salesforce.create("Contact", [
        { FirstName: person.firstName, LastName: person.lastName, Email: person.email, Title: person.title },
      ]);
  }
  await salesforce.remove(changes.deletions.map((ref) => ids[ref.object][ref.index]!));
}
