import { and, asc, count, eq, isNull, type SQL, sql } from "drizzle-orm";
import { alias, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import type { TDatabaseOrTransaction } from "@/db/client";
import { crmAccounts, crmPeople, prospects } from "@/db/schema";
import { guessField } from "@/server/duplicates/dedupe-csv/header-aliases";
import type { TMatchEntity, TMatchField, TMatchRecord } from "@/server/sync/core/match/fields";
import type { TDuplicateRecordType, TRecordRef } from "./duplicate-vocabulary";
import { refKey } from "./pair-identity";
import { READ_PAGE, readInPages } from "./read-in-pages";

/** A record as duplicate detection reads it: its ref, its version, and the matcher's values (id: its ref key). */
export type TMatchSource = { ref: TRecordRef; updatedAt: number; record: TMatchRecord };

/**
 * Which records to read: all of the entity's, only these refs (the ones not returned are not
 * compared any more: retired, merged, deleted, or a prospect now linked), or a sample of about
 * `share` of them, picked by the random end of their ids (the same sample every time).
 */
export type TMatchSelection = { refs?: readonly TRecordRef[]; share?: number };

/** What a pull writes for a record without a name (core/pull-objects.ts); not a name to match on. */
const NO_NAME = "(no name)";

/**
 * DUP-1: Tandem's records as the duplicate matcher reads them. People: active contacts and leads
 * (hidden objects too, PULL-2) and person prospects not linked to a CRM record (a linked prospect is
 * that record, PULL-3). Companies: active accounts and company prospects not linked. Values come
 * from the typed columns, Salesforce's values as pulled (addresses), and a prospect's extra fields
 * whose header names an address or a postcode.
 */
export async function loadMatchRecords(
  db: TDatabaseOrTransaction,
  entity: TMatchEntity,
  selection: TMatchSelection = {},
): Promise<TMatchSource[]> {
  const filter = (type: TDuplicateRecordType, id: AnySQLiteColumn): SQL | undefined | null => {
    if (selection.refs) {
      const ids = selection.refs.filter((ref) => ref.type === type).map((ref) => ref.id);
      return ids.length ? sql`${id} in (select value from json_each(${JSON.stringify(ids)}))` : null;
    }
    if (selection.share !== undefined && selection.share < 1) {
      const below = Math.max(1, Math.ceil(selection.share * 4096))
        .toString(16)
        .padStart(3, "0");
      return sql`substr(${id}, -3) < ${below}`;
    }
    return undefined;
  };
  if (entity === "people") {
    const [people, persons] = await Promise.all([
      readPeople(db, filter("person", crmPeople.id)),
      readProspects(db, "person", filter("prospect", prospects.id)),
    ]);
    return [...people, ...persons];
  }
  const [accounts, companies] = await Promise.all([
    readAccounts(db, filter("account", crmAccounts.id)),
    readProspects(db, "company", filter("prospect", prospects.id)),
  ]);
  return [...accounts, ...companies];
}

/** How many records of the entity duplicate detection compares. */
export async function countMatchRecords(db: TDatabaseOrTransaction, entity: TMatchEntity): Promise<number> {
  const kind = entity === "people" ? "person" : "company";
  const crm =
    entity === "people"
      ? db.select({ value: count() }).from(crmPeople).where(eq(crmPeople.state, "active"))
      : db.select({ value: count() }).from(crmAccounts).where(eq(crmAccounts.state, "active"));
  const [[records], [prospectRows]] = await Promise.all([
    crm,
    db
      .select({ value: count() })
      .from(prospects)
      .where(and(eq(prospects.kind, kind), isNull(prospects.crmRecordId))),
  ]);
  return (records?.value ?? 0) + (prospectRows?.value ?? 0);
}

function text(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = String(value).trim();
  return trimmed && trimmed !== NO_NAME ? trimmed : undefined;
}

function source(type: TDuplicateRecordType, id: string, updatedAt: number, values: TMatchRecord["values"]) {
  const ref = { type, id };
  const kept: TMatchRecord["values"] = {};
  for (const [field, value] of Object.entries(values) as Array<[TMatchField, unknown]>) {
    const cleaned = text(value);
    if (cleaned) kept[field] = cleaned;
  }
  return { ref, updatedAt, record: { id: refKey(ref), values: kept } };
}

/** A Salesforce field as pulled, from the record's `fields` JSON. */
function pulled(fields: AnySQLiteColumn, path: SQL) {
  return sql<unknown>`json_extract(${fields}, ${path})`;
}

async function readPeople(db: TDatabaseOrTransaction, filter: SQL | undefined | null): Promise<TMatchSource[]> {
  if (filter === null) return [];
  const bySfId = alias(crmAccounts, "account_by_sf_id");
  const byId = alias(crmAccounts, "account_by_id");
  // Contacts keep their address in the Mailing fields, leads in the plain ones.
  const address = (contactField: string, leadField: string) =>
    pulled(
      crmPeople.fields,
      sql`case when ${crmPeople.kind} = 'lead' then ${`$.${leadField}`} else ${`$.${contactField}`} end`,
    );
  const rows = await readInPages(
    (after) =>
      db
        .select({
          id: crmPeople.id,
          updatedAt: crmPeople.updatedAt,
          kind: crmPeople.kind,
          firstName: crmPeople.firstName,
          lastName: crmPeople.lastName,
          name: crmPeople.name,
          email: crmPeople.email,
          phone: crmPeople.phone,
          title: crmPeople.title,
          company: crmPeople.company,
          accountName: sql<string | null>`coalesce(${bySfId.name}, ${byId.name})`,
          street: address("MailingStreet", "Street"),
          city: address("MailingCity", "City"),
          postcode: address("MailingPostalCode", "PostalCode"),
          country: address("MailingCountry", "Country"),
          website: sql<unknown>`case when ${crmPeople.kind} = 'lead' then json_extract(${crmPeople.fields}, '$.Website') end`,
        })
        .from(crmPeople)
        .leftJoin(bySfId, eq(bySfId.sfId, crmPeople.accountSfId))
        .leftJoin(byId, eq(byId.id, crmPeople.accountId))
        .where(and(eq(crmPeople.state, "active"), filter, after))
        .orderBy(asc(crmPeople.id))
        .limit(READ_PAGE),
    crmPeople.id,
  );
  return rows.map((row) =>
    source("person", row.id, row.updatedAt, {
      firstName: row.firstName,
      lastName: row.lastName,
      fullName: row.name,
      email: row.email,
      phone: row.phone,
      title: row.title,
      // Leads carry a company name; contacts are known by their account's.
      company: row.kind === "lead" ? row.company : (row.accountName ?? row.company),
      address: text(row.street),
      city: text(row.city),
      postcode: text(row.postcode),
      country: text(row.country),
      website: text(row.website),
    }),
  );
}

async function readAccounts(db: TDatabaseOrTransaction, filter: SQL | undefined | null): Promise<TMatchSource[]> {
  if (filter === null) return [];
  const rows = await readInPages(
    (after) =>
      db
        .select({
          id: crmAccounts.id,
          updatedAt: crmAccounts.updatedAt,
          name: crmAccounts.name,
          website: crmAccounts.website,
          phone: crmAccounts.phone,
          city: crmAccounts.city,
          country: crmAccounts.country,
          street: pulled(crmAccounts.fields, sql`'$.BillingStreet'`),
          billingCity: pulled(crmAccounts.fields, sql`'$.BillingCity'`),
          postcode: pulled(crmAccounts.fields, sql`'$.BillingPostalCode'`),
          billingCountry: pulled(crmAccounts.fields, sql`'$.BillingCountry'`),
        })
        .from(crmAccounts)
        .where(and(eq(crmAccounts.state, "active"), filter, after))
        .orderBy(asc(crmAccounts.id))
        .limit(READ_PAGE),
    crmAccounts.id,
  );
  return rows.map((row) =>
    source("account", row.id, row.updatedAt, {
      name: row.name,
      website: row.website,
      phone: row.phone,
      address: text(row.street),
      city: text(row.billingCity) ?? row.city,
      postcode: text(row.postcode),
      country: text(row.billingCountry) ?? row.country,
    }),
  );
}

async function readProspects(
  db: TDatabaseOrTransaction,
  kind: "person" | "company",
  filter: SQL | undefined | null,
): Promise<TMatchSource[]> {
  if (filter === null) return [];
  const rows = await readInPages(
    (after) =>
      db
        .select({
          id: prospects.id,
          updatedAt: prospects.updatedAt,
          name: prospects.name,
          firstName: prospects.firstName,
          lastName: prospects.lastName,
          email: prospects.email,
          phone: prospects.phone,
          title: prospects.title,
          company: prospects.company,
          website: prospects.website,
          city: prospects.city,
          country: prospects.country,
          extra: prospects.extra,
        })
        .from(prospects)
        .where(and(eq(prospects.kind, kind), isNull(prospects.crmRecordId), filter, after))
        .orderBy(asc(prospects.id))
        .limit(READ_PAGE),
    prospects.id,
  );
  const entity: TMatchEntity = kind === "person" ? "people" : "companies";
  return rows.map((row) => {
    const common = {
      email: row.email,
      phone: row.phone,
      website: row.website,
      city: row.city,
      country: row.country,
      ...extraAddress(entity, row.extra),
    };
    return source(
      "prospect",
      row.id,
      row.updatedAt,
      kind === "person"
        ? {
            ...common,
            firstName: row.firstName,
            lastName: row.lastName,
            fullName: row.name,
            title: row.title,
            company: row.company,
          }
        : { ...common, name: row.name },
    );
  });
}

/** An imported prospect's extra columns that name an address or a postcode ("Street", "Zip"). */
function extraAddress(entity: TMatchEntity, extra: Record<string, string> | null): TMatchRecord["values"] {
  const found: TMatchRecord["values"] = {};
  for (const [header, value] of Object.entries(extra ?? {})) {
    const field = guessField(entity, header);
    if ((field === "address" || field === "postcode") && !found[field]) found[field] = value;
  }
  return found;
}
