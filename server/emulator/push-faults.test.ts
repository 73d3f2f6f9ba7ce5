import type { Connection } from "jsforce";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "./index";
import { dataPath, raw, startWithConnection } from "./test-helpers";

let emu: RunningEmulator;
let conn: Connection;
let token: string;

beforeAll(async () => {
  ({ emu, conn } = await startWithConnection());
  token = conn.accessToken!;
});
afterAll(async () => emu.stop());
afterEach(async () => {
  await fetch(`${emu.url}/__emulator/faults`, { method: "DELETE" });
});

const setFaults = async (body: unknown) => {
  const res = await fetch(`${emu.url}/__emulator/faults`, {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "Content-Type": "application/json" },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>;
};

const contactsNamed = (lastName: string) =>
  [...emu.store.requireTable("Contact").byId.values()].filter((r) => r.LastName === lastName && !r.IsDeleted);

const upsertContact = (key: string, lastName: string) =>
  raw(
    emu,
    token,
    "PATCH",
    dataPath("/composite/sobjects/Contact/Tandem_Id__c"),
    JSON.stringify({
      allOrNone: false,
      records: [{ attributes: { type: "Contact" }, Tandem_Id__c: key, LastName: lastName }],
    }),
  );

describe("dropAfterCommit", () => {
  it("commits the write, then closes the connection without an answer", async () => {
    await setFaults({ dropAfterCommit: 1 });
    await expect(
      raw(emu, token, "POST", dataPath("/sobjects/Contact"), JSON.stringify({ LastName: "Lost Answer" })),
    ).rejects.toThrow("fetch failed");
    expect(contactsNamed("Lost Answer")).toHaveLength(1);
    const seen = await conn.query("SELECT Id FROM Contact WHERE LastName = 'Lost Answer'");
    expect(seen.totalSize).toBe(1);
  });

  it("a retried upsert by External Id finds the committed record: created false, one record", async () => {
    await setFaults({ dropAfterCommit: 1 });
    await expect(upsertContact("exactly-once-1", "Retried")).rejects.toThrow("fetch failed");
    const retry = await upsertContact("exactly-once-1", "Retried");
    expect(retry.status).toBe(200);
    expect(retry.json()).toEqual([{ id: expect.stringMatching(/^003/), success: true, errors: [], created: false }]);
    expect(contactsNamed("Retried")).toHaveLength(1);
  });

  it("counts down: the next N calls are dropped, the one after is answered", async () => {
    await setFaults({ dropAfterCommit: 2 });
    await expect(upsertContact("countdown-1", "Countdown")).rejects.toThrow("fetch failed");
    await expect(upsertContact("countdown-2", "Countdown")).rejects.toThrow("fetch failed");
    expect((await upsertContact("countdown-3", "Countdown")).status).toBe(200);
    expect(contactsNamed("Countdown")).toHaveLength(3);
  });

  it("applies to SOAP calls too: a merge commits and its answer is lost", async () => {
    const [master, loser] = await conn.sobject("Contact").create([{ LastName: "Keeper" }, { LastName: "Merged Away" }]);
    await setFaults({ dropAfterCommit: 1, onlyMethods: ["POST"] });
    await expect(
      conn.soap.merge({
        masterRecord: { type: "Contact", Id: master!.id! } as never,
        recordToMergeIds: [loser!.id!],
      }),
    ).rejects.toThrow("fetch failed");
    expect(emu.store.findById(loser!.id!)?.rec).toMatchObject({ IsDeleted: true, MasterRecordId: master!.id });
  });
});

describe("latencyAfterCommitMs", () => {
  it("commits before the delayed answer: a client that gives up early still finds the record", async () => {
    await setFaults({ latencyAfterCommitMs: 400 });
    const started = performance.now();
    await expect(
      fetch(`${emu.url}${dataPath("/sobjects/Contact")}`, {
        method: "POST",
        body: JSON.stringify({ LastName: "Timed Out" }),
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
        signal: AbortSignal.timeout(100),
      }),
    ).rejects.toThrow(/aborted/);
    expect(performance.now() - started).toBeLessThan(400);
    expect(contactsNamed("Timed Out")).toHaveLength(1);
  });

  it("a patient client gets the answer after the delay", async () => {
    await setFaults({ latencyAfterCommitMs: 150 });
    const started = performance.now();
    const res = await raw(emu, token, "POST", dataPath("/sobjects/Contact"), JSON.stringify({ LastName: "Patient" }));
    expect(res.status).toBe(201);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });
});

describe("onlyMethods", () => {
  it("limits errorRate to writes: reads pass, writes fail without running", async () => {
    const set = await setFaults({ errorRate: 1, statuses: [503], onlyMethods: ["post", "PATCH"] });
    expect(set.onlyMethods).toEqual(["POST", "PATCH"]);
    const read = await raw(emu, token, "GET", dataPath(`/query?q=${encodeURIComponent("SELECT Id FROM Contact")}`));
    expect(read.status).toBe(200);
    const write = await raw(emu, token, "POST", dataPath("/sobjects/Contact"), JSON.stringify({ LastName: "Refused" }));
    expect(write.status).toBe(503);
    expect((write.json() as { errorCode: string }[])[0]!.errorCode).toBe("SERVER_UNAVAILABLE");
    expect(contactsNamed("Refused")).toHaveLength(0);
  });

  it("limits dropAfterCommit to writes: reads do not use it up", async () => {
    await setFaults({ dropAfterCommit: 1, onlyMethods: ["PATCH"] });
    const read = await raw(emu, token, "GET", dataPath("/limits"));
    expect(read.status).toBe(200);
    const post = await raw(emu, token, "POST", dataPath("/sobjects/Contact"), JSON.stringify({ LastName: "Posted" }));
    expect(post.status).toBe(201);
    await expect(upsertContact("only-patch-1", "Patched")).rejects.toThrow("fetch failed");
    expect(contactsNamed("Patched")).toHaveLength(1);
    expect((await upsertContact("only-patch-2", "Patched")).status).toBe(200);
  });

  it("refuses a method that is not a word", async () => {
    const res = await fetch(`${emu.url}/__emulator/faults`, {
      method: "POST",
      body: JSON.stringify({ onlyMethods: ["PO ST"] }),
      headers: { "Content-Type": "application/json" },
    });
    expect(res.status).toBe(400);
  });
});
