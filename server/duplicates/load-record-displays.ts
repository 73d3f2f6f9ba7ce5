import { eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { TDatabase } from "@/db/client";
import { crmAccounts, crmPeople, prospects } from "@/db/schema";
import type { TRecordRef } from "./duplicate-vocabulary";
import type { TDuplicateRecord } from "./duplicate-schemas";
import { refKey } from "./pair-identity";

const PROFILE_PATHS = { person: "/people", account: "/accounts" } as const;

/** How each record of a pair shows in the review queue, by ref key; a record since removed shows as such. */
export async function loadRecordDisplays(
  db: TDatabase,
  refs: readonly TRecordRef[],
): Promise<Map<string, TDuplicateRecord>> {
  const ids = (type: TRecordRef["type"]) => [...new Set(refs.filter((ref) => ref.type === type).map((ref) => ref.id))];
  const bySfId = alias(crmAccounts, "account_by_sf_id");
  const byId = alias(crmAccounts, "account_by_id");
  const [people, accounts, prospectRows] = await Promise.all([
    ids("person").length
      ? db
          .select({
            id: crmPeople.id,
            kind: crmPeople.kind,
            name: crmPeople.name,
            email: crmPeople.email,
            phone: crmPeople.phone,
            company: crmPeople.company,
            accountBySfId: bySfId.name,
            accountById: byId.name,
          })
          .from(crmPeople)
          .leftJoin(bySfId, eq(bySfId.sfId, crmPeople.accountSfId))
          .leftJoin(byId, eq(byId.id, crmPeople.accountId))
          .where(inArray(crmPeople.id, ids("person")))
      : [],
    ids("account").length
      ? db
          .select({
            id: crmAccounts.id,
            name: crmAccounts.name,
            phone: crmAccounts.phone,
            website: crmAccounts.website,
          })
          .from(crmAccounts)
          .where(inArray(crmAccounts.id, ids("account")))
      : [],
    ids("prospect").length
      ? db
          .select({
            id: prospects.id,
            kind: prospects.kind,
            name: prospects.name,
            email: prospects.email,
            phone: prospects.phone,
            company: prospects.company,
            website: prospects.website,
          })
          .from(prospects)
          .where(inArray(prospects.id, ids("prospect")))
      : [],
  ]);
  const displays = new Map<string, TDuplicateRecord>();
  for (const row of people) {
    displays.set(refKey({ type: "person", id: row.id }), {
      type: "person",
      id: row.id,
      kind: row.kind,
      name: row.name,
      email: row.email,
      phone: row.phone,
      company: row.accountBySfId ?? row.accountById ?? row.company,
      href: `${PROFILE_PATHS.person}/${encodeURIComponent(row.id)}`,
    });
  }
  for (const row of accounts) {
    displays.set(refKey({ type: "account", id: row.id }), {
      type: "account",
      id: row.id,
      kind: "account",
      name: row.name,
      email: null,
      phone: row.phone,
      company: row.website,
      href: `${PROFILE_PATHS.account}/${encodeURIComponent(row.id)}`,
    });
  }
  for (const row of prospectRows) {
    // Prospects have no page of their own: the prospect list, searched for this one.
    const search = new URLSearchParams({ kind: row.kind, q: row.email ?? row.name });
    displays.set(refKey({ type: "prospect", id: row.id }), {
      type: "prospect",
      id: row.id,
      kind: row.kind,
      name: row.name,
      email: row.email,
      phone: row.phone,
      company: row.kind === "person" ? row.company : row.website,
      href: `/people/prospects?${search.toString()}`,
    });
  }
  for (const ref of refs) {
    if (displays.has(refKey(ref))) continue;
    const kind = ref.type === "account" ? "account" : ref.type === "person" ? "contact" : "person";
    displays.set(refKey(ref), { ...ref, kind, name: "(removed)", email: null, phone: null, company: null, href: null });
  }
  return displays;
}
