import type { TDatabase } from "@/db/client";
import { activityLog, crmAccounts, crmActivities, crmPeople } from "@/db/schema";
import { toStatement } from "@/db/statements";
import { newId } from "@/server/ids";
import { writeSetting } from "@/server/settings/settings-store";
import { PUSH_KINDS, type TActivityKind, type TPushKind } from "../core/push-kinds";
import { enqueuePushStatement } from "../push/enqueue";

/** Turns push on for some kinds (people as Contacts unless told otherwise). */
export async function enablePush(
  db: TDatabase,
  kinds: readonly TPushKind[] = PUSH_KINDS,
  as: "Contact" | "Lead" = "Contact",
) {
  const on = (kind: TPushKind) => ({ enabled: kinds.includes(kind) });
  await writeSetting(db, "push.settings", {
    people: { ...on("people"), as },
    accounts: on("accounts"),
    opportunities: on("opportunities"),
    activities: on("activities"),
    tasks: on("tasks"),
    meetings: on("meetings"),
    notes: on("notes"),
  });
}

/**
 * Records created in Tandem as the write side creates them (row, activity log, outbox row in one
 * batch), for engine tests that do not go through the API.
 */
export async function createTandemAccount(db: TDatabase, values: { name: string; website?: string }, now = Date.now()) {
  const [id] = await createTandemAccounts(db, [{ name: values.name, website: values.website ?? null }], now);
  return id!;
}

/** Many accounts created in Tandem, 500 to a batch. */
export async function createTandemAccounts(
  db: TDatabase,
  accounts: ReadonlyArray<{ name: string; website: string | null }>,
  now = Date.now(),
): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < accounts.length; start += 500) {
    const statements = accounts.slice(start, start + 500).flatMap((account) => {
      const id = newId(now);
      ids.push(id);
      return [
        toStatement(
          db.insert(crmAccounts).values({
            id,
            name: account.name,
            website: account.website,
            fields: {},
            source: "tandem",
            pushState: "pending",
            createdAt: now,
            updatedAt: now,
          }),
        ),
        toStatement(
          db.insert(activityLog).values({
            recordType: "account",
            recordId: id,
            at: now,
            event: "created-in-tandem",
            message: "Created in Tandem.",
          }),
        ),
        enqueuePushStatement({
          recordType: "account",
          recordId: id,
          kind: "accounts",
          operation: "create",
          fields: [],
          createdBy: null,
          now,
        }),
      ];
    });
    await db.$client.batch(statements, "write");
  }
  return ids;
}

export async function createTandemPeople(
  db: TDatabase,
  people: ReadonlyArray<{
    firstName?: string;
    lastName: string;
    email?: string | null;
    accountId?: string | null;
    kind?: "contact" | "lead";
    company?: string;
    leadSource?: string;
  }>,
  now = Date.now(),
) {
  const ids: string[] = [];
  const statements = people.flatMap((person) => {
    const id = newId(now);
    ids.push(id);
    return [
      toStatement(
        db.insert(crmPeople).values({
          id,
          kind: person.kind ?? "contact",
          firstName: person.firstName ?? null,
          lastName: person.lastName,
          name: [person.firstName, person.lastName].filter(Boolean).join(" "),
          email: person.email ?? null,
          emailNormalized: person.email?.toLowerCase() ?? null,
          company: person.company ?? null,
          leadSource: person.leadSource ?? null,
          accountId: person.accountId ?? null,
          fields: {},
          source: "tandem",
          pushState: "pending",
          createdAt: now,
          updatedAt: now,
        }),
      ),
      enqueuePushStatement({
        recordType: "person",
        recordId: id,
        kind: "people",
        operation: "create",
        fields: [],
        createdBy: null,
        now,
      }),
    ];
  });
  for (let start = 0; start < statements.length; start += 2000)
    await db.$client.batch(statements.slice(start, start + 2000), "write");
  return ids;
}

export async function logTandemActivity(
  db: TDatabase,
  values: {
    kind: TActivityKind;
    subject: string;
    personId?: string;
    accountId?: string;
    body?: string;
    startAt?: string;
    endAt?: string;
  },
  now = Date.now(),
) {
  const id = newId(now);
  const kind: TPushKind =
    values.kind === "call" || values.kind === "email"
      ? "activities"
      : values.kind === "task"
        ? "tasks"
        : values.kind === "meeting"
          ? "meetings"
          : "notes";
  await db.$client.batch(
    [
      toStatement(
        db.insert(crmActivities).values({
          id,
          kind: values.kind,
          subject: values.subject,
          body: values.body ?? null,
          personId: values.personId ?? null,
          accountId: values.accountId ?? null,
          status: values.kind === "task" ? "Not Started" : "Completed",
          dueDate: new Date(now).toISOString().slice(0, 10),
          startAt: values.startAt ?? null,
          endAt: values.endAt ?? null,
          pushState: "pending",
          createdAt: now,
          updatedAt: now,
        }),
      ),
      enqueuePushStatement({
        recordType: "activity",
        recordId: id,
        kind,
        operation: "create",
        fields: [],
        createdBy: null,
        now,
      }),
    ],
    "write",
  );
  return id;
}
