/** The REST API version Tandem speaks; jsforce's own default (50.0) predates upsert collections. */
export const SALESFORCE_API_VERSION = "62.0";
