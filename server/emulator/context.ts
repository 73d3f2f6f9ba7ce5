import type { OrgRules } from "./org/rules";
import type { Store } from "./org/store";

/** What every handler may reach: the org's data, rules and clock. Services hang off it. */
export interface OrgContext {
  store: Store;
  rules: OrgRules;
  clock: () => number;
  orgId: string;
  /** The User the demo client and admin tokens act as. */
  demoUserId: string;
}

/** Per-call options that change DML behaviour (headers, running user, API version). */
export interface DmlOptions {
  userId: string;
  allowSave: boolean;
  version: string;
}
