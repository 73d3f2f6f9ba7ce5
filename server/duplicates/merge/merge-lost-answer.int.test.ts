import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { crmPeople } from "@/db/schema";
import { testDatabaseKind } from "@/db/testing/test-database";
import { emulatorAdmin } from "@/server/sync/testing/emulator-connection";
import { adminConnection } from "@/server/salesforce/testing/admin-connection";
import { runTick } from "@/server/sync/run-tick";
import { setUpSyncTestBed } from "@/server/sync/testing/test-bed";
import { listDuplicatePairs } from "../list-duplicate-pairs";
import { mergeDuplicates } from "./merge-duplicates";

const bed = setUpSyncTestBed();
const user = { id: "user-1", name: "Rita Rep", email: "rita@example.com" };

describe(`a merge in Salesforce whose answer is lost, on ${testDatabaseKind()}`, () => {
  it("DUP-3: the rep's retry finds the records merged in Salesforce and completes the merge in Tandem", async () => {
    const sf = adminConnection(bed.emulator);
    const keeper = await sf
      .sobject("Contact")
      .create({ LastName: "Gibbons", Email: "peter@initech.com", Title: "Keeper" });
    const other = await sf
      .sobject("Contact")
      .create({ LastName: "Gibbons", Email: "peter@initech.com", Title: "Other" });
    await runTick(bed.database.db, "cli");
    const [pair] = (await listDuplicatePairs(bed.database.db, { entity: "people" })).rows;
    const a = await bed.database.db.select().from(crmPeople).where(eq(crmPeople.id, pair!.a.id)).get();
    const input = {
      pairId: pair!.id,
      survivor: a!.sfId === keeper.id ? "a" : "b",
      alsoMergeInSalesforce: true,
    } as const;

    // The SOAP merge commits in Salesforce, then its connection closes before the answer.
    await emulatorAdmin(bed.emulator, "faults", { dropAfterCommit: 1, onlyMethods: ["POST"] });
    await expect(mergeDuplicates(bed.database.db, input, user, Date.now())).rejects.toMatchObject({
      code: "SALESFORCE_UNREACHABLE",
    });
    const merged = await sf.query<{ IsDeleted: boolean; MasterRecordId: string }>(
      `SELECT IsDeleted, MasterRecordId FROM Contact WHERE Id = '${other.id}'`,
      { scanAll: true },
    );
    expect(merged.records[0]).toMatchObject({ IsDeleted: true, MasterRecordId: keeper.id });

    const retried = await mergeDuplicates(bed.database.db, input, user, Date.now());
    expect(retried.salesforce).toBe("merged");
    const people = await bed.database.db.select({ sfId: crmPeople.sfId, state: crmPeople.state }).from(crmPeople);
    expect(people.filter((person) => person.state === "active").map((person) => person.sfId)).toEqual([keeper.id]);
  });

  it("DUP-3: a merge Salesforce refuses for another reason still changes nothing in Tandem", async () => {
    const sf = adminConnection(bed.emulator);
    const keeper = await sf.sobject("Contact").create({
      LastName: "Bolton",
      Email: "michael@initech.com",
      Title: "Keeper",
    });
    const other = await sf.sobject("Contact").create({ LastName: "Bolton", Email: "michael@initech.com" });
    await runTick(bed.database.db, "cli");
    const [pair] = (await listDuplicatePairs(bed.database.db, { entity: "people" })).rows;
    const a = await bed.database.db.select().from(crmPeople).where(eq(crmPeople.id, pair!.a.id)).get();
    const survivor = a!.sfId === keeper.id ? "a" : "b";
    // Deleted by hand in Salesforce (not merged): the merge is refused and nothing changes.
    await sf.sobject("Contact").destroy(other.id!);
    await expect(
      mergeDuplicates(bed.database.db, { pairId: pair!.id, survivor, alsoMergeInSalesforce: true }, user, Date.now()),
    ).rejects.toThrow(/Salesforce refused to merge them \(ENTITY_IS_DELETED\).*Nothing was merged/);
    const people = await bed.database.db.select({ state: crmPeople.state }).from(crmPeople);
    expect(people.map((person) => person.state)).toEqual(["active", "active"]);
  });
});
