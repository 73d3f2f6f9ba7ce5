import { randomBytes } from "node:crypto";
import type { TDatabaseHandle } from "@/db/client";
import { insertProspect } from "@/server/duplicates/testing/duplicate-fixtures";
import { readEnv } from "@/server/env";
import { insertFailedPush } from "@/server/push-errors/testing/push-error-fixtures";
import {
  insertAccounts,
  insertActivity,
  insertOpportunities,
  insertPeople,
} from "@/server/records/testing/crm-fixtures";
import { createPerson } from "@/server/records/write/create-person";
import { logActivity } from "@/server/records/write/log-activity";
import { ADA, setPush } from "@/server/records/write/testing/write-fixtures";
import { storeConnection } from "@/server/salesforce/store-connection";
import { ACTIVITY_EVENTS } from "@/server/sync/core/activity-events";
import { addUser } from "@/server/users/add-user";

export const SEED_NOW = Date.UTC(2027, 0, 15, 8);
export const SEED_AUTH_SECRET = "the-backed-up-server-secret";
/** More people than one batch of a backup (500 rows), so that paging is part of every round trip. */
export const SEED_PEOPLE = 1_200;

/**
 * A workspace as a team would have it, in about a second: the encrypted Salesforce connection,
 * CRM records as a pull leaves them, prospects, a user, push settings, a person created in Tandem
 * and waiting to be pushed, a call logged with a multi-line note, a refused push in the error log,
 * the activity log — and what Tandem's tables alone do not show: a table of every kind of value
 * SQLite stores, a view, rowid gaps, an AUTOINCREMENT counter above its highest id, and an FTS5
 * index over a content table of its own (as people search is), with its triggers.
 */
export async function seedWorkspace(handle: TDatabaseHandle, options: { infinities: boolean }): Promise<void> {
  const { db, client } = handle;
  await storeConnection(
    db,
    {
      environment: "custom",
      loginUrl: "https://acme.my.salesforce.com",
      instanceUrl: "https://acme.my.salesforce.com",
      orgId: "00D000000000001AAA",
      userId: "005000000000001AAA",
      refreshToken: "refresh-token",
      accessToken: "access-token",
    },
    SEED_NOW,
    readEnv({ AUTH_SECRET: SEED_AUTH_SECRET }),
  );
  const accounts = await insertAccounts(
    db,
    Array.from({ length: 40 }, (_, index) => ({ name: `Account ${index}`, website: `account${index}.example` })),
  );
  const people = await insertPeople(
    db,
    Array.from({ length: SEED_PEOPLE }, (_, index) => ({
      name: `Person ${index}`,
      email: `person${index}@account${index % 40}.example`,
      kind: index % 5 === 0 ? ("lead" as const) : ("contact" as const),
      company: index % 5 === 0 ? `Lead Company ${index}` : null,
      accountSfId: index % 5 === 0 ? null : accounts[index % 40]!.sfId,
    })),
  );
  await insertOpportunities(
    db,
    accounts.slice(0, 30).map((account, index) => ({ name: `Deal ${index}`, accountSfId: account.sfId })),
  );
  for (let index = 0; index < 20; index++) {
    await insertProspect(db, { kind: index % 4 ? "person" : "company", name: `Prospect ${index}` });
  }
  await insertActivity(
    db,
    people.slice(0, 300).map((person, index) => ({
      recordType: "person" as const,
      recordId: person.id,
      event: ACTIVITY_EVENTS[index % ACTIVITY_EVENTS.length]!,
      at: SEED_NOW + index,
      message: `Change ${index}`,
    })),
  );
  await addUser(db, { email: "ada@example.com", name: "Ada Admin", password: "correct horse battery", role: "admin" });
  await setPush(db, ["people", "accounts", "activities", "tasks"]);
  await createPerson(db, { firstName: "Rita", lastName: "Restore", email: "rita@example.com" }, ADA, SEED_NOW);
  const contact = people.find((person) => person.kind === "contact")!;
  await logActivity(
    db,
    { kind: "call", on: { type: "person", id: contact.id }, notes: "First line\r\nSecond line, with 'quotes'.\n" },
    ADA,
    SEED_NOW,
  );
  await insertFailedPush(db, { name: "Refused Person", code: "REQUIRED_FIELD_MISSING", fields: ["LastName"] });

  await client.batch(
    [
      "CREATE TABLE backup_value_kinds (id INTEGER PRIMARY KEY, anything, real_value REAL, text_value TEXT, blob_value BLOB)",
      {
        sql: "INSERT INTO backup_value_kinds VALUES (?, ?, ?, ?, ?)",
        args: [1, 9_223_372_036_854_775_807n, 0.1 + 0.2, 'it\'s "quoted"\r\nand 😀', new Uint8Array([0, 1, 255])],
      },
      {
        sql: "INSERT INTO backup_value_kinds VALUES (?, ?, ?, ?, ?)",
        args: [2, -9_223_372_036_854_775_808n, -0, "", new Uint8Array(0)],
      },
      { sql: "INSERT INTO backup_value_kinds VALUES (?, ?, ?, ?, ?)", args: [3, 1.0, 1e300, null, null] },
      {
        sql: "INSERT INTO backup_value_kinds VALUES (?, ?, ?, ?, ?)",
        args: [7, "text", 5e-324, "\n", randomBytes(70_000)],
      },
      "INSERT INTO backup_value_kinds VALUES (9, X'CAFE', 1.5e-7, 'x', NULL)",
      // Infinities only in a file: a libSQL server cannot send them (read-database.ts).
      ...(options.infinities
        ? ["INSERT INTO backup_value_kinds VALUES (10, -9e999, 9e999, NULL, NULL)"]
        : ["INSERT INTO backup_value_kinds VALUES (10, -1e-300, -1.7976931348623157e308, NULL, NULL)"]),
      "CREATE VIEW backup_value_kinds_view AS SELECT id, typeof(anything) AS kind FROM backup_value_kinds",
      "CREATE TABLE backup_hidden_rowids (value TEXT)",
      "INSERT INTO backup_hidden_rowids (rowid, value) VALUES (1, 'one'), (3, 'three'), (1000000, 'far')",
      "INSERT INTO api_usage_samples (at, used, max) VALUES (1, 1, 1)",
      "DELETE FROM api_usage_samples WHERE id = (SELECT MAX(id) FROM api_usage_samples)",
      "CREATE TABLE backup_notes (note INTEGER PRIMARY KEY, body TEXT NOT NULL)",
      "CREATE VIRTUAL TABLE backup_notes_search USING fts5(body, content = 'backup_notes', content_rowid = 'note', tokenize = 'trigram')",
      "CREATE TRIGGER backup_notes_insert AFTER INSERT ON backup_notes BEGIN INSERT INTO backup_notes_search (rowid, body) VALUES (new.note, new.body); END",
      "INSERT INTO backup_notes (note, body) VALUES (1, 'Renewal call with Acme'), (5, 'Acme wants a discount'), (6, 'Globex churned')",
    ],
    "write",
  );
}
