/**
 * Who may reach each entry point: every tRPC procedure, server action and route handler, for an
 * anonymous visitor, a member and an admin. `authz-matrix.int.test.ts` finds the entry points in
 * the code itself and fails on any that is missing here (or listed here but gone), then calls each
 * one as each caller and compares.
 *
 * The product's rules: everything is behind a session except sign-in, first-run setup (setup
 * token), health, the cron route (cron secret), outbound messages (path token) and Auth.js's own
 * routes. Members never reach the settings (pull visibility, push per kind, field mapping), the
 * team, the Salesforce connection, the list of Salesforce records Tandem stopped syncing, or other
 * people's errors in the error log (a member's log holds their own records' errors).
 */

export const CALLERS = ["anonymous", "member", "admin"] as const;
export type TCaller = (typeof CALLERS)[number];

/** "allowed": past the guard; the procedure may still answer NOT_FOUND or another domain error. */
export type TProcedureOutcome = "UNAUTHORIZED" | "FORBIDDEN" | "allowed";
export type TAccess = Record<TCaller, TProcedureOutcome>;

export const SIGNED_IN: TAccess = { anonymous: "UNAUTHORIZED", member: "allowed", admin: "allowed" };
export const ADMINS_ONLY: TAccess = { anonymous: "UNAUTHORIZED", member: "FORBIDDEN", admin: "allowed" };

export type TProcedureRow = {
  access: TAccess;
  /** An input the procedure's validation accepts, so that its guard decides, not zod. */
  input?: unknown;
  /** Inputs that change who may call it (a guard inside the procedure). */
  variants?: Array<{ name: string; input: unknown; access: TAccess }>;
};

/** Ids that name nothing: a call past the guard answers NOT_FOUND and changes nothing. */
const MISSING = "missing-record";
const MISSING_USER = "00000000-0000-4000-8000-000000000000";

/** A merge made with "stop syncing that Salesforce record"; the test stores it before calling. */
export const STOPPED_SYNCING_MERGE_ID = "merge-that-stopped-syncing";

export const PROCEDURES: Record<string, TProcedureRow> = {
  // The team (/settings/team): admins only; everyone reads who they are.
  "users.me": { access: SIGNED_IN },
  "users.list": { access: ADMINS_ONLY },
  "users.add": {
    access: ADMINS_ONLY,
    input: { email: "added@example.com", name: "Added", password: "0123456789", role: "member" },
  },
  "users.changeRole": { access: ADMINS_ONLY, input: { userId: MISSING_USER, role: "admin" } },
  "users.remove": { access: ADMINS_ONLY, input: { userId: MISSING_USER } },

  // The prospect database: every rep lists, adds and imports.
  "prospects.list": { access: SIGNED_IN, input: {} },
  "prospects.create": { access: SIGNED_IN, input: { kind: "person", name: "Pat Prospect" } },
  "prospects.previewImport": {
    access: SIGNED_IN,
    input: { fileName: "people.csv", kind: "person", csv: "name\nPat Prospect\n" },
  },
  "prospects.import": {
    access: SIGNED_IN,
    input: { fileName: "people.csv", kind: "person", csv: "name\nPat Prospect\n", mapping: ["name"] },
  },
  "prospects.loadSample": { access: SIGNED_IN },
  "prospects.imports": { access: SIGNED_IN },
  "prospects.importReport": { access: SIGNED_IN, input: { importId: MISSING } },

  // The workspace pages' reads.
  "records.people.list": { access: SIGNED_IN, input: {} },
  "records.people.get": { access: SIGNED_IN, input: { id: MISSING } },
  "records.accounts.list": { access: SIGNED_IN, input: {} },
  "records.accounts.get": { access: SIGNED_IN, input: { id: MISSING } },
  "records.opportunities.list": { access: SIGNED_IN, input: {} },
  "records.opportunities.get": { access: SIGNED_IN, input: { id: MISSING } },
  "records.owners": { access: SIGNED_IN, input: { object: "people" } },
  "records.related": { access: SIGNED_IN, input: { id: MISSING, type: "person" } },
  "records.activity": { access: SIGNED_IN, input: { type: "person", id: MISSING } },

  // What reps create and edit.
  "crm.people.create": { access: SIGNED_IN, input: { lastName: "Doe" } },
  "crm.accounts.create": { access: SIGNED_IN, input: { name: "Acme" } },
  "crm.accounts.search": { access: SIGNED_IN, input: {} },
  "crm.opportunities.create": {
    access: SIGNED_IN,
    input: { accountId: MISSING, name: "Renewal", stageName: "Prospecting", closeDate: "2030-12-31" },
  },
  "crm.activities.log": { access: SIGNED_IN, input: { kind: "call", on: { type: "person", id: MISSING } } },
  "crm.activities.complete": { access: SIGNED_IN, input: { id: MISSING } },
  "crm.activities.list": { access: SIGNED_IN, input: { on: { type: "person", id: MISSING } } },
  "crm.records.update": { access: SIGNED_IN, input: { type: "account", id: MISSING, values: { name: "Acme" } } },
  "crm.prospects.addToCrm": { access: SIGNED_IN, input: { target: { ids: [MISSING] } } },
  "crm.owner.preview": { access: SIGNED_IN },
  "crm.form.options": { access: SIGNED_IN },
  // ERR-2 on a profile: every rep may open any record, and with it the record's push errors.
  "crm.syncHistory": { access: SIGNED_IN, input: { type: "person", id: MISSING } },

  // ERR-1: every rep has an error log; what it holds is scoped inside (a member's own records').
  "push.errors.list": { access: SIGNED_IN, input: {} },
  "push.errors.count": { access: SIGNED_IN },
  "push.errors.retry": { access: SIGNED_IN, input: { ids: [MISSING] } },
  "push.errors.createAnyway": { access: SIGNED_IN, input: { id: MISSING } },
  "push.errors.dismiss": { access: SIGNED_IN, input: { ids: [MISSING] } },
  // PUSH-1's switches (/settings/salesforce): a setting.
  "push.settings.get": { access: ADMINS_ONLY },
  "push.settings.update": { access: ADMINS_ONLY, input: {} },
  "push.settings.checkOrg": { access: ADMINS_ONLY },

  // The Salesforce connection (/settings/salesforce, the wizard's Connect step).
  "salesforce.connection": { access: ADMINS_ONLY },
  "salesforce.startConnect": { access: ADMINS_ONLY, input: { environment: "custom", customUrl: "" } },
  "salesforce.refreshLimits": { access: ADMINS_ONLY },
  "salesforce.disconnect": { access: ADMINS_ONLY },

  // Sync: the Sync page is every rep's (ERR-3: nothing fails silently); running and tuning it is an admin's.
  "sync.visibility": { access: ADMINS_ONLY },
  "sync.setVisibility": { access: ADMINS_ONLY, input: { object: "Lead", visible: true } },
  "sync.progress": { access: SIGNED_IN },
  "sync.dashboard": { access: SIGNED_IN },
  "sync.options": { access: ADMINS_ONLY },
  "sync.runNow": { access: ADMINS_ONLY, input: { trigger: "manual" } },
  "sync.pause": { access: ADMINS_ONLY },
  "sync.setupProgress": { access: ADMINS_ONLY },
  "sync.completeSetupStep": { access: ADMINS_ONLY, input: { step: "realtime" } },
  "sync.outbound": { access: ADMINS_ONLY },
  "sync.enableDemoOutbound": { access: ADMINS_ONLY },

  // Field mapping (/settings/mapping): a setting. MAP-5's enrichment is every rep's.
  "mapping.view": { access: ADMINS_ONLY },
  "mapping.preview": { access: ADMINS_ONLY, input: { object: "Contact", entries: [] } },
  "mapping.save": { access: ADMINS_ONLY, input: { object: "Contact", entries: [] } },
  "mapping.checkOrg": { access: ADMINS_ONLY },
  "enrichment.list": { access: SIGNED_IN, input: {} },
  "enrichment.useTandemValue": {
    access: SIGNED_IN,
    input: { items: [{ recordType: "person", recordId: MISSING }] },
  },
  "enrichment.keepSalesforceValue": {
    access: SIGNED_IN,
    input: { items: [{ recordType: "person", recordId: MISSING }] },
  },

  // DUP-1 and DUP-3 for every rep; the list of records Tandem stopped syncing is a setting.
  "duplicates.list": { access: SIGNED_IN, input: {} },
  "duplicates.forRecord": { access: SIGNED_IN, input: { type: "person", id: MISSING } },
  "duplicates.decide": { access: SIGNED_IN, input: { pairId: MISSING, decision: "later" } },
  "duplicates.mergePreview": { access: SIGNED_IN, input: { pairId: MISSING } },
  "duplicates.merge": {
    access: SIGNED_IN,
    input: { pairId: MISSING, survivor: "a" },
    variants: [
      {
        name: "stop syncing the merged-away Salesforce record",
        input: { pairId: MISSING, survivor: "a", stopSyncing: true },
        access: ADMINS_ONLY,
      },
    ],
  },
  "duplicates.undoMerge": {
    access: SIGNED_IN,
    input: { mergeId: MISSING },
    variants: [
      {
        // Its undo takes the record off the ignore list: the same change as resumeSyncing.
        name: "undo a merge that stopped syncing a Salesforce record",
        input: { mergeId: STOPPED_SYNCING_MERGE_ID },
        access: ADMINS_ONLY,
      },
    ],
  },
  "duplicates.similar": { access: SIGNED_IN, input: { entity: "people" } },
  "duplicates.ignored": { access: ADMINS_ONLY },
  "duplicates.resumeSyncing": { access: ADMINS_ONLY, input: { sfId: "003000000000001AAA" } },
};

/** "setup token": refused without the token (and once an admin exists, whatever the token). */
export type TActionOutcome = "allowed" | "setup token";

export type TActionRow = Record<TCaller, TActionOutcome> & { why: string };

/**
 * Server actions, by file and export. None reads the session: what a caller may do depends on
 * what it sends (credentials, the setup token), the same for every caller.
 */
export const SERVER_ACTIONS: Record<string, TActionRow> = {
  "app/(auth)/sign-in/actions.ts#signInAction": {
    anonymous: "allowed",
    member: "allowed",
    admin: "allowed",
    why: "Signing in is public; Auth.js's credentials provider checks the password and throttles failures.",
  },
  "app/setup/actions.ts#createFirstAdminAction": {
    anonymous: "setup token",
    member: "setup token",
    admin: "setup token",
    why: "Creates the first admin only while there is none, and only with the setup token.",
  },
  "components/shell/sign-out-action.ts#signOutAction": {
    anonymous: "allowed",
    member: "allowed",
    admin: "allowed",
    why: "Ends the caller's own session and nothing else.",
  },
};

/** 401 and 403 as answered; "sign-in": a redirect to /sign-in; "allowed": past the guard. */
export type TRouteOutcome = 401 | 403 | "sign-in" | "allowed";

export type TRouteRow = Record<TCaller, TRouteOutcome> & {
  guard: "none" | "cron secret" | "outbound token" | "admin session" | "each procedure's guard" | "Auth.js";
  /** With the right secret or token, whoever calls. */
  withCredential?: TRouteOutcome;
  why: string;
};

/** Route handlers, by method and URL path (the folders under app/, dynamic segments as written). */
export const ROUTES: Record<string, TRouteRow> = {
  "GET /api/auth/[...nextauth]": {
    guard: "Auth.js",
    anonymous: "allowed",
    member: "allowed",
    admin: "allowed",
    why: "Auth.js's own endpoints (session, csrf, providers): public by design.",
  },
  "POST /api/auth/[...nextauth]": {
    guard: "Auth.js",
    anonymous: "allowed",
    member: "allowed",
    admin: "allowed",
    why: "Auth.js's sign-in and sign-out endpoints: public, each checks its CSRF token.",
  },
  "GET /api/cron/sync": {
    guard: "cron secret",
    anonymous: 401,
    member: 401,
    admin: 401,
    withCredential: "allowed",
    why: "Only a scheduler with CRON_SECRET runs a tick; a session is not a secret.",
  },
  "GET /api/health": {
    guard: "none",
    anonymous: "allowed",
    member: "allowed",
    admin: "allowed",
    why: "For monitors: says whether the database and Salesforce are up, nothing more.",
  },
  "GET /api/salesforce/oauth/callback": {
    guard: "admin session",
    anonymous: "sign-in",
    member: "sign-in",
    admin: "allowed",
    why: "Finishes connecting Salesforce: only for the admin who started it (the flow's state is bound to them).",
  },
  "POST /api/salesforce/outbound/[token]": {
    guard: "outbound token",
    anonymous: 401,
    member: 401,
    admin: 401,
    withCredential: "allowed",
    why: "Salesforce cannot sign in: the secret path token stands in for it.",
  },
  "GET /api/trpc/[trpc]": {
    guard: "each procedure's guard",
    anonymous: 401,
    member: 403,
    admin: "allowed",
    why: "Every procedure guards itself (the table above); probed with users.list.",
  },
  "POST /api/trpc/[trpc]": {
    guard: "each procedure's guard",
    anonymous: 401,
    member: 403,
    admin: "allowed",
    why: "Every procedure guards itself (the table above); probed with sync.pause.",
  },
};
