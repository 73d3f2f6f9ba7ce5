import { syntheticAccountName, syntheticEmail } from "@/server/emulator/seed/seed-synthetic";
import type { TRandom } from "./random";

/** The first pull's objects, in the bench's shares (server/bench/run.ts MIX). */
export const MIX = { Account: 0.2, Contact: 0.45, Lead: 0.2, Opportunity: 0.15 } as const;
export type TSeededObject = keyof typeof MIX;

export type TWorkloadScale = { records: number; rounds: number };

/** A synthetic record by its position in the emulator's bulk insert (seed-synthetic.ts). */
export type TSyntheticRef = { object: TSeededObject; index: number };

export type TActivityPlan = {
  kind: "call" | "email" | "task";
  subject: string;
  /** A person by email or an account by name; both exist in Tandem when the activity is logged. */
  on: { type: "person"; email: string } | { type: "account"; name: string };
};

export type TPersonProspect = { name: string; email: string; title?: string; phone?: string; company?: string };

export type TRoundPlan = {
  round: number;
  salesforce: {
    contactTitles: Array<{ index: number; title: string }>;
    contactPhones: Array<{ index: number; phone: string }>;
    accountIndustries: Array<{ index: number; industry: string }>;
    newContacts: Array<{ firstName: string; lastName: string; email: string; accountIndex: number }>;
    deletions: TSyntheticRef[];
    /** Two contacts that are one person (DUP-1), merged by a rep in a later round. */
    duplicatePair: Array<{ firstName: string; lastName: string; email: string; title: string }> | null;
  };
  rep: {
    /** Prospects that match synthetic contacts already in the CRM (PULL-3), with values to map. */
    matchingProspects: Array<TPersonProspect & { index: number }>;
    newPeople: TPersonProspect[];
    newCompany: { name: string; website: string };
    activities: TActivityPlan[];
    /** "Also merge in Salesforce" on the duplicate pair: the contact titled `survivorTitle` stays. */
    merge: { email: string; survivorTitle: string } | null;
  };
};

export type TWorkloadPlan = {
  counts: Record<TSeededObject, number>;
  /** Contacts and accounts the workload writes activities and prospects against: never deleted. */
  reserved: { contacts: number; accounts: number };
  rounds: TRoundPlan[];
};

export const DUPLICATE_EMAIL = "dana.duplicate@chaos.example";
const INDUSTRIES = ["Finance", "Retail", "Healthcare", "Energy", "Education"];

/**
 * The whole two-way workload, decided up front from the seed: what changes in Salesforce and what
 * reps do in Tandem, round by round. Nothing here depends on timing, so an interrupted run and an
 * uninterrupted one do the same things and must end alike.
 */
export function planWorkload(random: TRandom, scale: TWorkloadScale): TWorkloadPlan {
  const counts = Object.fromEntries(
    Object.entries(MIX).map(([object, share]) => [object, Math.max(10, Math.round(scale.records * share))]),
  ) as Record<TSeededObject, number>;
  const reserved = { contacts: Math.min(300, Math.floor(counts.Contact / 5)), accounts: Math.min(50, counts.Account) };
  const deleted = new Set<string>();
  const usedForProspects = new Set<number>();
  const linked: Array<{ index: number; email: string }> = [];
  const tandemPeople: string[] = [];
  const rounds: TRoundPlan[] = [];
  const perRound = (share: number, min: number, max: number) =>
    Math.max(min, Math.min(max, Math.round(counts.Contact * share)));

  for (let round = 1; round <= scale.rounds; round++) {
    const r = random.fork(`round-${round}`);
    const deletable = (object: TSeededObject, from: number) => {
      const out: number[] = [];
      for (let i = from; i < counts[object]; i += Math.max(1, Math.floor(counts[object] / 400)))
        if (!deleted.has(`${object}:${i}`)) out.push(i);
      return out;
    };
    const deletions: TSyntheticRef[] = [
      ...r
        .sample(deletable("Contact", reserved.contacts), perRound(0.0005, 2, 15))
        .map((index) => ({ object: "Contact" as const, index })),
      ...r
        .sample(deletable("Opportunity", 0), perRound(0.0002, 1, 6))
        .map((index) => ({ object: "Opportunity" as const, index })),
      ...r.sample(deletable("Lead", 0), perRound(0.0002, 1, 6)).map((index) => ({ object: "Lead" as const, index })),
    ];
    for (const ref of deletions) deleted.add(`${ref.object}:${ref.index}`);
    const alive = deletable("Contact", reserved.contacts);
    const contactTitles = r.sample(alive, perRound(0.01, 5, 200)).map((index) => ({ index, title: `Buyer R${round}` }));
    // Two-way conflicts: Salesforce rewrites what an auto-overwrite mapping owns (MAP-3 puts it
    // back), and fills what auto-fill would have filled (MAP-2 then leaves it).
    const contactPhones = r.sample(linked, Math.min(linked.length, 3)).map(({ index }) => ({
      index,
      phone: `+1 555 7${String(round).padStart(2, "0")} ${String(index).padStart(4, "0")}`,
    }));
    const conflictTitles = r
      .sample(linked, Math.min(linked.length, 3))
      .map(({ index }) => ({ index, title: `Changed in Salesforce R${round}` }));
    const accountIndustries = r
      .sample([...Array(counts.Account).keys()], perRound(0.001, 3, 40))
      .map((index) => ({ index, industry: r.pick(INDUSTRIES) }));
    const newContacts = Array.from({ length: r.int(3, 8) }, (_, n) => ({
      firstName: "Sam",
      lastName: `Sfnew R${round} N${n}`,
      email: `sam.r${round}.n${n}@sf-chaos.example`,
      accountIndex: r.int(0, reserved.accounts - 1),
    }));

    const candidates = [...Array(reserved.contacts).keys()].filter((index) => !usedForProspects.has(index));
    const matchingProspects = r.sample(candidates, Math.min(candidates.length, r.int(4, 10))).map((index) => {
      usedForProspects.add(index);
      return {
        index,
        name: `Matched Prospect ${index}`,
        email: syntheticEmail(index),
        title: `Prospect Title ${index}`,
        phone: `+1 555 3${String(index).padStart(3, "0")} 0${round}`,
      };
    });
    const company = `Newco R${round}`;
    const newPeople = Array.from({ length: r.int(4, 10) }, (_, n) => ({
      name: `Pat Newcomer R${round} N${n}`,
      email: `pat.r${round}.n${n}@prospect-chaos.example`,
      title: "Founder",
      company,
    }));
    const targets: TActivityPlan["on"][] = [
      ...[...Array(reserved.contacts).keys()].map((index) => ({
        type: "person" as const,
        email: syntheticEmail(index),
      })),
      ...[...tandemPeople, ...newPeople.map((person) => person.email)].map((email) => ({
        type: "person" as const,
        email,
      })),
      ...[...Array(reserved.accounts).keys()].map((index) => ({
        type: "account" as const,
        name: syntheticAccountName(index),
      })),
    ];
    const activities = Array.from({ length: r.int(5, 12) }, (_, n) => ({
      kind: r.pick(["call", "email", "task"] as const),
      subject: `Chaos R${round} A${n}`,
      on: r.pick(targets),
    }));
    rounds.push({
      round,
      salesforce: {
        contactTitles: [...contactTitles, ...conflictTitles],
        contactPhones,
        accountIndustries,
        newContacts,
        deletions,
        duplicatePair:
          round === 1
            ? [
                { firstName: "Dana", lastName: "Duplicate", email: DUPLICATE_EMAIL, title: "Keeper" },
                { firstName: "Dana", lastName: "Duplicate", email: DUPLICATE_EMAIL, title: "Merged Away" },
              ]
            : null,
      },
      rep: {
        matchingProspects,
        newPeople,
        newCompany: { name: company, website: `https://newco-r${round}.example` },
        activities,
        merge: round === 2 ? { email: DUPLICATE_EMAIL, survivorTitle: "Keeper" } : null,
      },
    });
    linked.push(...matchingProspects.map(({ index, email }) => ({ index, email })));
    tandemPeople.push(...newPeople.map((person) => person.email));
  }
  return { counts, reserved, rounds };
}
