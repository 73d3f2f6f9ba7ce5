/**
 * Tandem's tables, one file per section. Timestamps are milliseconds since the epoch; ids are
 * Tandem's own, never Salesforce's, so a record exists before Salesforce knows it. Shared
 * vocabularies (sync objects, record states, activity events, environments) are defined once in
 * server/sync/core and server/salesforce and re-exported here for the columns that store them.
 */
export * from "./users";
export * from "./salesforce";
export * from "./crm";
export * from "./prospects";
export * from "./activity";
export * from "./sync";
export * from "./push";
export * from "./mapping";
export * from "./duplicates";
export * from "./merges";
