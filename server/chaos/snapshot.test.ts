import { describe, expect, it } from "vitest";
import { compareSnapshots, formatDifferences } from "./compare";
import { orderOfPhase, planKillPoints } from "./kill-points";
import { parseChaosOptions } from "./options";
import { seededRandom } from "./random";
import { normalise, type TRawState } from "./snapshot";
import { planWorkload } from "./workload";

/** One end state: a contact under an account, a task on the contact, Tandem's export of both. */
function state(ids: { account: string; contact: string; task: string }) {
  return {
    exports: {
      people: [
        { id: `tandem-${ids.contact}`, salesforceId: ids.contact, accountSalesforceId: ids.account, name: "Ava Adams" },
      ],
      accounts: [{ id: `tandem-${ids.account}`, salesforceId: ids.account, name: "Acme", createdAt: Date.now() }],
    },
    records: {
      Account: [{ Id: ids.account, Name: "Acme", Tandem_Id__c: `t-${ids.account}`, IsDeleted: false }],
      Contact: [{ Id: ids.contact, Email: "ava@acme.example", AccountId: ids.account, Title: "CEO", IsDeleted: false }],
      Task: [{ Id: ids.task, Subject: "Call", WhoId: ids.contact, WhatId: ids.account, IsDeleted: false }],
    },
  } satisfies TRawState;
}

describe("the crash suite's judge", () => {
  it("two runs that end alike compare equal, whatever Ids, Tandem ids and timestamps they got", () => {
    const first = normalise(state({ account: "001A", contact: "003A", task: "00TA" }));
    const second = normalise(state({ account: "001B", contact: "003B", task: "00TB" }));
    expect(compareSnapshots(first, second)).toEqual([]);
  });

  it("a duplicate, a changed value or a task on another record is a difference, shown as a diff", () => {
    const reference = normalise(state({ account: "001A", contact: "003A", task: "00TA" }));
    const doubled = state({ account: "001B", contact: "003B", task: "00TB" });
    doubled.records.Contact.push({ ...doubled.records.Contact[0]!, Id: "003C" });
    const retitled = state({ account: "001B", contact: "003B", task: "00TB" });
    retitled.records.Contact[0]!.Title = "CFO";
    const moved = state({ account: "001B", contact: "003B", task: "00TB" });
    moved.records.Task[0]!.WhoId = null as unknown as string;

    for (const run of [doubled, retitled, moved]) {
      const differences = compareSnapshots(reference, normalise(run));
      expect(differences.length).toBeGreaterThan(0);
      expect(formatDifferences(differences)).toMatch(/only in the reference|only in this run/);
    }
    // Two contacts with one email are numbered, so whatever refers to them differs too.
    const duplicate = compareSnapshots(reference, normalise(doubled)).find(
      (difference) => difference.where === "Salesforce Contact",
    );
    expect(duplicate?.onlyInRun).toEqual([
      expect.stringContaining('"label":"Contact:ava@acme.example#1"'),
      expect.stringContaining('"label":"Contact:ava@acme.example#2"'),
    ]);
  });
});

describe("the crash suite's plan", () => {
  it("a seed names the workload and the kill points: the same seed plans the same run", () => {
    const plan = (seed: number) => ({
      workload: planWorkload(seededRandom(seed).fork("workload"), { records: 2_000, rounds: 3 }),
      kills: planKillPoints(seededRandom(seed).fork("kills"), 20, 3),
    });
    expect(plan(7)).toEqual(plan(7));
    expect(plan(7)).not.toEqual(plan(8));
    const { workload, kills } = plan(7);
    expect(Object.values(workload.counts).reduce((a, b) => a + b, 0)).toBe(2_000);
    expect(workload.rounds.filter((round) => round.rep.merge)).toHaveLength(1);
    expect(kills.every((kill) => kill.at > 0 && kill.at < 1)).toBe(true);
    expect(kills.some((kill) => kill.phase === "first pull" && kill.target === "server during outbound messages")).toBe(
      false,
    );
  });

  it("the first pull's kills run by their place in the load, so they spread over all of it; a round's run as planned", () => {
    const kills = planKillPoints(seededRandom(3).fork("kills"), 40, 2);
    const inPhase = (phase: string) => kills.filter((kill) => kill.phase === phase);
    const places = orderOfPhase(inPhase("first pull")).map((kill) => kill.at);
    expect(places.length).toBeGreaterThan(5);
    expect(places).toEqual([...places].sort((left, right) => left - right));
    expect(places).not.toEqual(inPhase("first pull").map((kill) => kill.at));
    expect(orderOfPhase(inPhase("round 1"))).toEqual(inPhase("round 1"));
  });

  it("bad arguments are refused with what to write instead", () => {
    expect(() => parseChaosOptions(["--kills", "many"])).toThrow("--kills must be a whole number from 0 to 1000");
    expect(() => parseChaosOptions(["--faults", "2"])).toThrow("--faults must be a share of calls from 0 to 0.5");
    expect(() => parseChaosOptions(["--server", "apache"])).toThrow("--server must be next or routes");
    expect(() => parseChaosOptions(["--faults", "0.1", "--fault-rate", "0.1"])).toThrow("give it once");
    expect(() => parseChaosOptions(["--records", "12"])).toThrow("--records must be a whole number from 100");
    expect(() => parseChaosOptions(["--kill", "3"])).toThrow();
  });

  it("without --kills and --faults the full suite runs: 50 kills, then a soak at 10%, on 30,000 records", () => {
    expect(parseChaosOptions([])).toMatchObject({ kills: 50, faults: 0.1, seed: 1, records: 30_000, rounds: 5 });
    expect(parseChaosOptions(["--kills", "50"])).toMatchObject({ kills: 50, faults: 0, records: 30_000 });
    expect(parseChaosOptions(["--faults", "0.1"])).toMatchObject({ kills: 0, faults: 0.1 });
    expect(parseChaosOptions(["--fault-rate", "0.05"])).toMatchObject({ kills: 0, faults: 0.05 });
    expect(parseChaosOptions(["--soak", "--kills", "12"])).toMatchObject({ kills: 12, faults: 0.1 });
    expect(parseChaosOptions(["--quick"])).toMatchObject({ kills: 8, faults: 0.2, records: 2_000, rounds: 2 });
    expect(parseChaosOptions(["--quick", "--soak"])).toMatchObject({ kills: 0, faults: 0.1, records: 2_000 });
    expect(parseChaosOptions(["--quick", "--records", "5000", "--kills", "3"])).toMatchObject({
      kills: 3,
      faults: 0,
      records: 5_000,
      rounds: 2,
    });
    expect(parseChaosOptions(["--help"])).toBe("help");
  });
});
