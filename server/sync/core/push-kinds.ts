/**
 * PUSH-1: what can be pushed to Salesforce, each switched on by an admin separately (off until
 * then). The `status --json` contract reports every kind.
 */
export const PUSH_KINDS = ["people", "accounts", "opportunities", "activities", "tasks", "meetings", "notes"] as const;
export type TPushKind = (typeof PUSH_KINDS)[number];
