import { randomUUID } from "node:crypto";
import type { TDatabaseOrTransaction } from "@/db/client";
import { crmAccounts, crmPeople } from "@/db/schema";
import { normalizeDomain, normalizeEmailAddress } from "@/server/sync/core/normalize";

/** CRM records as a pull would have written them, for tests of PULL-3. */
export async function insertCrmPerson(
  db: TDatabaseOrTransaction,
  values: {
    name: string;
    email: string | null;
    kind?: "contact" | "lead";
    state?: "active" | "retired" | "deleted" | "merged";
    createdAt?: number;
  },
): Promise<{ id: string; emailNormalized: string | null }> {
  const id = randomUUID();
  const emailNormalized = normalizeEmailAddress(values.email);
  await db.insert(crmPeople).values({
    id,
    sfId: `003${id.replace(/-/g, "").slice(0, 15)}`,
    fields: {},
    source: "pull",
    state: values.state ?? "active",
    kind: values.kind ?? "contact",
    name: values.name,
    email: values.email,
    emailNormalized,
    createdAt: values.createdAt ?? 1,
    updatedAt: values.createdAt ?? 1,
  });
  return { id, emailNormalized };
}

export async function insertCrmAccount(
  db: TDatabaseOrTransaction,
  values: { name: string; website: string | null; state?: "active" | "deleted" },
): Promise<{ id: string; domainNormalized: string | null }> {
  const id = randomUUID();
  const domainNormalized = normalizeDomain(values.website);
  await db.insert(crmAccounts).values({
    id,
    sfId: `001${id.replace(/-/g, "").slice(0, 15)}`,
    fields: {},
    source: "pull",
    state: values.state ?? "active",
    name: values.name,
    website: values.website,
    domainNormalized,
    createdAt: 1,
    updatedAt: 1,
  });
  return { id, domainNormalized };
}
