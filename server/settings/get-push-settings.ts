import "server-only";
import { sql } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { getConnectionRow } from "@/server/salesforce/connection-store";
import { PUSH_KINDS, type TPushKind } from "@/server/sync/core/push-kinds";
import { PUSH_OBJECTS } from "@/server/sync/push/org-push-info";
import { kindRecords } from "./push-kind-records";
import type { TOrgPushInfo } from "./setting-keys";
import type { TPushKindState, TPushSettingsView, TTandemIdCheck } from "./push-settings-schemas";
import { readSetting } from "./settings-store";

/**
 * PUSH-1 for the settings page and the wizard: each kind's switch with how many of its records
 * are Not in Salesforce, waiting or failed; how people go; and the last Tandem_Id__c check of
 * the connected org.
 */
export async function getPushSettings(db: TDatabase): Promise<TPushSettingsView> {
  const [settings, info, connection, counts] = await Promise.all([
    readSetting(db, "push.settings"),
    readSetting(db, "salesforce.pushInfo"),
    getConnectionRow(db),
    countByKind(db),
  ]);
  return {
    kinds: PUSH_KINDS.map((kind) => ({ kind, enabled: settings[kind].enabled, ...counts[kind] })),
    peopleAs: settings.people.as,
    connected: connection?.status === "connected",
    tandemId: info && connection && info.orgId === connection.orgId ? tandemIdCheckOf(info) : null,
  };
}

export function tandemIdCheckOf(info: TOrgPushInfo): TTandemIdCheck {
  return {
    checkedAt: info.checkedAt,
    objects: PUSH_OBJECTS.map((object) => ({ object, hasTandemId: info.tandemIdObjects.includes(object) })),
  };
}

type TCounts = Omit<TPushKindState, "kind" | "enabled">;

/** Records written in Tandem, per kind and push state: one query. */
export async function countByKind(db: TDatabase): Promise<Record<TPushKind, TCounts>> {
  const parts = PUSH_KINDS.map((kind) => {
    const { table, where } = kindRecords(kind);
    return `SELECT '${kind}' AS kind, push_state AS state, count(*) AS total FROM ${table}
            WHERE ${where} AND push_state IN ('local', 'pending', 'failed') GROUP BY push_state`;
  });
  const rows = await db.all<{ kind: TPushKind; state: keyof TCounts; total: number }>(
    sql.raw(parts.join(" UNION ALL ")),
  );
  const counts = Object.fromEntries(PUSH_KINDS.map((kind) => [kind, { local: 0, pending: 0, failed: 0 }])) as Record<
    TPushKind,
    TCounts
  >;
  for (const row of rows) counts[row.kind][row.state] = Number(row.total);
  return counts;
}
