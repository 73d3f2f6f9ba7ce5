import type { ApiServices } from "./api";
import { BulkJobs } from "./bulk2/bulk2-jobs";
import type { OrgContext } from "./context";
import { Cursors } from "./rest/cursors";
import { Faults } from "./org/faults";
import { makeId, normalizeId, to18 } from "./org/ids";
import { DEFAULT_OUTBOUND_TIMING, OutboundMessages, type OutboundTiming } from "./soap/outbound";
import { DebouncedSaver, loadOrg, saveOrg, type OrgMeta } from "./org/persistence";
import { OrgRules, type TDuplicateRule, type TValidationRule } from "./org/rules";
import type { FieldInput } from "./org/schema";
import { seedDemo } from "./seed/seed-demo";
import { seedAdminUser, seedLeadStatuses } from "./seed/seed-empty";
import { Store } from "./org/store";
import { TokenStore, type RefreshTokenRecord, type TokenResponse } from "./oauth/tokens";
import { ApiUsage } from "./org/usage";
import type { OAuthConfig } from "./oauth/oauth";

export type SeedName = "demo" | "empty";

export interface EmulatorOptions {
  /** 0 (the default for the library) picks a free port. */
  port?: number;
  host?: string;
  seed?: SeedName;
  /** Keep the org in this file across restarts (JSON lines, written atomically, debounced). */
  dataFile?: string;
  /** Access-token lifetime; afterwards calls get 401 INVALID_SESSION_ID. Default 7200. */
  tokenTtlSeconds?: number;
  clientId?: string;
  clientSecret?: string;
  /** Allowed OAuth callback URLs; default: any http(s) URL. */
  redirectUris?: string[];
  orgId?: string;
  clock?: () => number;
  /** Daily API request limit (rolling 24 h). Default 15000. */
  dailyApiLimit?: number;
  /** Outbound-message retry timing; tests shorten it. */
  outboundTiming?: Partial<OutboundTiming>;
  /** Where the demo org's (inactive) outbound-message rules point. */
  outboundEndpoint?: string;
  /**
   * The External Id field a sync upserts by, on Account, Contact, Lead and Opportunity. Default
   * `Tandem_Id__c`; another name renames it; null gives an org without one.
   */
  externalIdField?: string | null;
  /** Extra custom fields, e.g. another External Id. */
  customFields?: { object: string; field: FieldInput }[];
  /** Enhanced notes (ContentNote, ContentDocumentLink). Default true; false gives an org without them. */
  enhancedNotes?: boolean;
}

export const DEMO_CLIENT_ID = "tandem-demo";
export const DEMO_CLIENT_SECRET = "tandem-demo-secret";
export const DEFAULT_ORG_ID = to18("00D5g000004TNDM");
const TANDEM_ID = "Tandem_Id__c";
const SYNC_OBJECTS = ["Account", "Contact", "Lead", "Opportunity"];
const ENHANCED_NOTE_OBJECTS = ["ContentNote", "ContentDocumentLink"];
const DEFAULT_OUTBOUND_ENDPOINT = "http://localhost:3000/api/salesforce/outbound/demo-outbound-token";

/** One emulated org and its services, independent of the HTTP server that exposes it. */
export class EmulatorOrg {
  readonly clock: () => number;
  clockOffsetMs = 0;
  readonly store: Store;
  readonly rules: OrgRules;
  readonly org: OrgContext;
  readonly tokens: TokenStore;
  readonly usage: ApiUsage;
  readonly faults = new Faults();
  readonly cursors: Cursors;
  readonly bulkJobs = new BulkJobs();
  readonly outbound: OutboundMessages;
  readonly oauth: OAuthConfig;
  readonly api: ApiServices;
  baseUrl = "http://localhost";
  private ttlMs: number;
  private saver: DebouncedSaver | null = null;

  constructor(readonly options: EmulatorOptions) {
    const base = options.clock ?? Date.now;
    // The admin API can move the org's clock forward (time passing, for tests and benchmarks).
    this.clock = () => base() + this.clockOffsetMs;
    this.ttlMs = (options.tokenTtlSeconds ?? 7200) * 1000;
    this.store = new Store(this.clock);
    this.configureExternalId(options.externalIdField === undefined ? TANDEM_ID : options.externalIdField);
    for (const c of options.customFields ?? []) this.store.addField(c.object, c.field);
    if (options.enhancedNotes === false) for (const name of ENHANCED_NOTE_OBJECTS) this.store.removeObject(name);
    this.rules = new OrgRules(this.store, this.clock);
    const orgId = options.orgId ? normalizeId(options.orgId) : DEFAULT_ORG_ID;
    if (!orgId || !orgId.startsWith("00D"))
      throw new Error(`orgId must be a 15- or 18-character 00D… Id, got ${options.orgId}`);
    this.org = { store: this.store, rules: this.rules, clock: this.clock, orgId, demoUserId: makeId("005", 1) };
    this.oauth = {
      clientId: options.clientId ?? DEMO_CLIENT_ID,
      clientSecret: options.clientSecret ?? DEMO_CLIENT_SECRET,
      redirectUris: options.redirectUris ?? [],
    };
    this.tokens = new TokenStore({
      orgId,
      clock: this.clock,
      ttlMs: () => this.ttlMs,
      clientSecret: this.oauth.clientSecret,
    });
    this.usage = new ApiUsage(this.clock, options.dailyApiLimit ?? 15_000);
    this.cursors = new Cursors(this.clock);
    this.outbound = new OutboundMessages(
      this.org,
      () => this.baseUrl,
      () => this.sessionId(),
      { ...DEFAULT_OUTBOUND_TIMING, ...options.outboundTiming },
    );
    this.api = {
      org: this.org,
      cursors: this.cursors,
      usage: this.usage,
      bulkJobs: this.bulkJobs,
      baseUrl: () => this.baseUrl,
    };
    this.store.onChange((changes) => {
      this.outbound.onChanges(changes);
      this.saver?.touch();
    });
  }

  private configureExternalId(name: string | null): void {
    if (name === TANDEM_ID) return;
    for (const object of SYNC_OBJECTS) {
      this.store.removeField(object, TANDEM_ID);
      if (name)
        this.store.addField(object, {
          name,
          type: "string",
          label: name.replace(/__c$/, "").replace(/_/g, " "),
          length: 64,
          externalId: true,
          unique: true,
        });
    }
  }

  /** Loads the data file when it exists, else seeds. */
  async init(): Promise<void> {
    const file = this.options.dataFile;
    if (file) {
      const meta = await loadOrg(file, this.store);
      if (meta) {
        this.applyMeta(meta);
        // Every org has LeadStatus rows, also one loaded from a file that has none.
        seedLeadStatuses(this.org);
      } else this.seed(this.options.seed ?? "demo");
      this.saver = new DebouncedSaver(() => saveOrg(file, this.meta(), this.store));
      if (!meta) {
        this.saver.touch();
        await this.saver.flush();
      }
      return;
    }
    this.seed(this.options.seed ?? "demo");
  }

  private seed(name: SeedName): void {
    this.store.clear();
    this.rules.clear();
    this.outbound.clear();
    this.cursors.clear();
    this.bulkJobs.clear();
    seedAdminUser(this.org);
    seedLeadStatuses(this.org);
    if (name === "demo")
      seedDemo(this.org, this.rules, this.outbound, this.options.outboundEndpoint ?? DEFAULT_OUTBOUND_ENDPOINT);
  }

  async reset(seed: SeedName = this.options.seed ?? "demo"): Promise<void> {
    // Sessions survive a reset: the org and its demo user keep their Ids, only the data is new.
    this.seed(seed);
    this.usage.reset();
    this.faults.clear();
    if (this.saver) {
      this.saver.touch();
      await this.saver.flush();
    }
  }

  /** An access and refresh token for the demo user, as the token endpoint would answer. */
  issueTokens(): TokenResponse & { refresh_token: string } {
    const scope = "api refresh_token id";
    const refresh = this.tokens.newRefreshToken(this.org.demoUserId, this.oauth.clientId, scope);
    this.saver?.touch();
    return this.tokens.issue(
      this.baseUrl,
      this.org.demoUserId,
      this.oauth.clientId,
      scope,
      refresh,
      true,
    ) as TokenResponse & { refresh_token: string };
  }

  /** A bare session (no refresh token), as an outbound message with "Send Session ID" carries. */
  private sessionId(): string {
    return this.tokens.issue(this.baseUrl, this.org.demoUserId, this.oauth.clientId, "api", null, false).access_token;
  }

  setTokenTtlSeconds(seconds: number): void {
    this.ttlMs = seconds * 1000;
  }

  private meta(): OrgMeta {
    return {
      format: "tandem-emulator-org",
      version: 1,
      orgId: this.org.orgId,
      demoUserId: this.org.demoUserId,
      lastStamp: this.store.lastStamp,
      idCounters: this.store.ids.snapshot(),
      validationRules: this.rules.validation,
      duplicateRules: this.rules.duplicate,
      outboundRules: this.outbound.rules,
      refreshTokens: [...this.tokens.refresh.values()],
      dailyMax: this.usage.dailyMax,
    };
  }

  private applyMeta(meta: OrgMeta): void {
    for (const r of meta.validationRules) this.rules.addValidationRule(r as TValidationRule);
    for (const r of meta.duplicateRules) this.rules.addDuplicateRule(r as TDuplicateRule);
    for (const r of meta.outboundRules) this.outbound.addRule(r);
    for (const t of meta.refreshTokens as RefreshTokenRecord[]) this.tokens.refresh.set(t.token, t);
    this.usage.dailyMax = meta.dailyMax;
  }

  /** Marks the org changed outside a record write (rules, tokens), so it is saved. */
  touch(): void {
    this.saver?.touch();
  }

  async close(): Promise<void> {
    this.outbound.stop();
    await this.saver?.flush();
  }
}
