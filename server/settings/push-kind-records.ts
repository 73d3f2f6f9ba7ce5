import "server-only";
import { ACTIVITY_KINDS, activityPushKind, type TPushKind, type TPushRecordType } from "@/server/sync/core/push-kinds";

export type TKindRecords = {
  recordType: TPushRecordType;
  table: "crm_people" | "crm_accounts" | "crm_opportunities" | "crm_activities";
  /** SQL that picks the kind's live records in `table` (constants only, never input). */
  where: string;
};

const ACTIVE = "state = 'active'";

/** Where each push kind's records live, for the statements the push settings run. */
export function kindRecords(kind: TPushKind): TKindRecords {
  if (kind === "people") return { recordType: "person", table: "crm_people", where: ACTIVE };
  if (kind === "accounts") return { recordType: "account", table: "crm_accounts", where: ACTIVE };
  if (kind === "opportunities") return { recordType: "opportunity", table: "crm_opportunities", where: ACTIVE };
  const activityKinds = ACTIVITY_KINDS.filter((activityKind) => activityPushKind(activityKind) === kind);
  return {
    recordType: "activity",
    table: "crm_activities",
    where: `kind IN (${activityKinds.map((activityKind) => `'${activityKind}'`).join(", ")})`,
  };
}
