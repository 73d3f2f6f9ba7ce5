import type { SalesforceError } from "@/server/errors";

/**
 * The Salesforce port: everything the sync engine asks of an org, as plain records and
 * classified errors. The engine (server/sync) sees only this interface; the one adapter behind it
 * (jsforce-port.ts) is the only code that speaks jsforce. Every method throws `SalesforceError`
 * (an AppError with `retryable` and `connectionBroken`), never a jsforce error.
 */
export type TSalesforceRecord = Record<string, unknown> & { Id: string };

/** One page of a REST query; `nextRecordsUrl` is null on the last page. */
export type TQueryPage = {
  totalSize: number;
  done: boolean;
  nextRecordsUrl: string | null;
  records: TSalesforceRecord[];
};

/** A subrequest's outcome: composite requests fail per subrequest, not as a whole. */
export type TQueryOutcome = { ok: true; page: TQueryPage } | { ok: false; error: SalesforceError };

export type TBulkJobState = { id: string; state: string; errorMessage: string | null };
/** A Bulk API 2.0 results page: CSV rows as strings; `nextLocator` is null after the last page. */
export type TBulkPage = { records: Array<Record<string, string>>; nextLocator: string | null };

export type TApiLimit = { used: number; max: number; at: number };

/** One sObject Collections request: up to 200 records of one object, `allOrNone: false`. */
export type TSaveRequest = {
  referenceId: string;
  object: string;
  /** create: POST; update: PATCH by `Id`; upsert: PATCH by `externalIdField`. */
  operation: "create" | "update" | "upsert";
  externalIdField?: string;
  records: ReadonlyArray<Record<string, unknown>>;
  /** Sends `Sforce-Duplicate-Rule-Header: allowSave=true` ("Create anyway"). */
  allowSave?: boolean;
};

export type TSaveError = { code: string; message: string; fields: string[] };
export type TSaveItemResult =
  { success: true; id: string; created: boolean | null } | { success: false; id: string | null; errors: TSaveError[] };
/** A collection's outcome: per record, in request order; or the whole subrequest refused. */
export type TSaveOutcome = { ok: true; results: TSaveItemResult[] } | { ok: false; error: SalesforceError };

export type TFieldDescribe = {
  name: string;
  label: string;
  type: string;
  length: number;
  createable: boolean;
  updateable: boolean;
  nillable: boolean;
  defaultedOnCreate: boolean;
  externalId: boolean;
  picklistValues: Array<{ value: string; label: string; active: boolean; defaultValue: boolean }>;
};
export type TObjectDescribe = { name: string; label: string; createable: boolean; fields: TFieldDescribe[] };

/** A single-record create refused by a duplicate rule: the existing records Salesforce matched. */
export type TDuplicateMatches = {
  allowSave: boolean;
  rule: string | null;
  records: Array<{ id: string; object: string }>;
};

/** The objects SOAP merge() accepts. */
export type TMergeableObject = "Account" | "Contact" | "Lead";

/** One SOAP merge: one or two records fold into the master, which keeps its Id. */
export type TMergeRequest = {
  object: TMergeableObject;
  masterId: string;
  /** The records that merge away (one or two): they go to the recycle bin with MasterRecordId set. */
  mergeIds: readonly string[];
  /** Field values the master keeps (sent in the masterRecord element); null clears a field. */
  masterValues?: Record<string, unknown>;
};

/** A merge's outcome: the merged-away Ids and the related records moved to the master, or why not. */
export type TMergeOutcome =
  { ok: true; mergedIds: string[]; updatedRelatedIds: string[] } | { ok: false; error: SalesforceError };

/** A lead converted into a contact that already exists, without an opportunity. */
export type TConvertLeadRequest = {
  leadId: string;
  contactId: string;
  /** The contact's account. */
  accountId: string;
  /** A converted LeadStatus label; when absent, the org's first converted status. */
  convertedStatus?: string;
  doNotCreateOpportunity?: true;
};

export type TConvertOutcome =
  { ok: true; contactId: string; accountId: string } | { ok: false; error: SalesforceError };

export interface SalesforcePort {
  readonly orgId: string;
  /** API calls made through this port so far (OAuth token requests do not count, as in Salesforce). */
  readonly apiCalls: number;
  /** The latest Sforce-Limit-Info reading, if any response carried one. */
  readonly apiLimit: TApiLimit | null;

  /** Up to five queryAll requests in ONE composite call (one API call), each with its own outcome. */
  compositeQueryAll(queries: ReadonlyArray<{ referenceId: string; soql: string }>): Promise<Map<string, TQueryOutcome>>;
  /** The first page of a queryAll (deleted and merged rows included). */
  queryAll(soql: string): Promise<TQueryPage>;
  /** The page after `nextRecordsUrl`. */
  queryMore(nextRecordsUrl: string): Promise<TQueryPage>;
  /**
   * Current values of some records, by Id, several objects at once: chunks of Ids are packed five
   * to a composite call, so a burst of notifications for two objects costs one call, not one per
   * record. Each chunk has its own outcome.
   */
  queryAllByIds(
    requests: ReadonlyArray<{ object: string; fields: readonly string[]; ids: readonly string[] }>,
  ): Promise<Array<{ object: string; ids: string[]; outcome: TQueryOutcome }>>;

  /** Starts a Bulk API 2.0 queryAll job; returns its id. */
  startBulkQuery(soql: string): Promise<string>;
  /** One look at a Bulk API 2.0 job's state. */
  getBulkJob(jobId: string): Promise<TBulkJobState>;
  /** `maxRecords` rows of a finished job's results from `locator` (null for the first page). */
  getBulkResults(jobId: string, locator: string | null, maxRecords: number): Promise<TBulkPage>;

  /** The org's daily API usage from /limits (one call). */
  getDailyApiUsage(): Promise<{ used: number; max: number }>;

  /**
   * Several sObject Collections in ONE composite call (up to five, 1,000 records: one API call).
   * A call that fails as a whole throws (code `TIMEOUT` when it outlived `timeoutMs`: its outcome
   * is unknown, Salesforce may have committed it).
   */
  saveCollections(
    requests: ReadonlyArray<TSaveRequest>,
    options?: { timeoutMs?: number },
  ): Promise<Map<string, TSaveOutcome>>;
  /** Describes of several objects in one composite call; null for an object the org lacks. */
  describeObjects(objects: readonly string[]): Promise<Map<string, TObjectDescribe | null>>;
  /**
   * Asks Salesforce which records a duplicate rule matched for this record (collections report
   * DUPLICATES_DETECTED without them): a single create without the allow-save header, which the
   * rule refuses again. Null when it does not refuse (the caller must then treat it as created).
   */
  findDuplicates(object: string, record: Record<string, unknown>): Promise<TDuplicateMatches | { createdId: string }>;

  /**
   * SOAP merge() of one or two records into a master of the same object (one API call). A request
   * Salesforce would refuse anyway (no records, more than two, the master among them, an Id of
   * another object) is refused here without a call. Salesforce's refusal is an outcome; a call
   * that fails as a whole throws.
   */
  mergeRecords(request: TMergeRequest): Promise<TMergeOutcome>;
  /**
   * SOAP convertLead() into an existing contact and account, never creating an opportunity (one
   * API call). Without `convertedStatus` the port first asks LeadStatus for a converted status
   * (one more call, once per port).
   */
  convertLead(request: TConvertLeadRequest): Promise<TConvertOutcome>;

  /** Waits for anything the adapter still writes (a refreshed token); logs, never throws. */
  flush(): Promise<void>;
}
