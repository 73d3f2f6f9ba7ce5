import type { OrgContext } from "../context";
import { makeId } from "../org/ids";
import { CONVERTED_LEAD_STATUS } from "../org/objects";
import type { Store } from "../org/store";

export const DEMO_USERNAME = "admin@tandem-demo.example";

/** The one User every org has: the demo admin the demo client and admin tokens act as. */
export function seedAdminUser(org: OrgContext): string {
  const store: Store = org.store;
  const users = store.requireTable("User");
  const id = makeId("005", 1);
  // Created well in the past, so seeded history (up to a year back) can follow it in stamp order.
  const stamp = Math.max(store.lastStamp + 1, org.clock() - 400 * 86_400_000);
  store.lastStamp = stamp;
  store.write(
    users,
    {
      Id: id,
      IsDeleted: false,
      Username: DEMO_USERNAME,
      FirstName: "Dana",
      LastName: "Admin",
      Name: "Dana Admin",
      Email: DEMO_USERNAME,
      Alias: "dadmin",
      Title: "Sales Operations",
      IsActive: true,
      // GMT, because the emulator evaluates SOQL date literals (TODAY, LAST_N_DAYS) in UTC and Salesforce
      // evaluates them in the running user's time zone: with a GMT user the two agree.
      TimeZoneSidKey: "GMT",
      CreatedDate: stamp,
      CreatedById: id,
      LastModifiedDate: stamp,
      LastModifiedById: id,
      SystemModstamp: stamp,
    },
    "insert",
  );
  return id;
}

/**
 * The LeadStatus rows every org has: one per value of the Lead Status picklist, in its order,
 * the picklist's default marked IsDefault and CONVERTED_LEAD_STATUS marked IsConverted. Stamped
 * right after the latest write, so they can follow the admin user before any seeded history.
 */
export function seedLeadStatuses(org: OrgContext): void {
  const store: Store = org.store;
  const statuses = store.requireTable("LeadStatus");
  if (statuses.byId.size > 0) return;
  const picklist = store.requireTable("Lead").def.byLowerName.get("status")?.picklistValues ?? [];
  picklist.forEach((value, index) => {
    const stamp = store.lastStamp + 1;
    store.lastStamp = stamp;
    store.write(
      statuses,
      {
        Id: store.ids.next(statuses.def.keyPrefix),
        MasterLabel: value.label,
        ApiName: value.value,
        SortOrder: index + 1,
        IsConverted: value.value === CONVERTED_LEAD_STATUS,
        IsDefault: value.defaultValue,
        CreatedDate: stamp,
        CreatedById: org.demoUserId,
        LastModifiedDate: stamp,
        LastModifiedById: org.demoUserId,
        SystemModstamp: stamp,
      },
      "insert",
    );
  });
}
