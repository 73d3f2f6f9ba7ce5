import { makeId } from "../org/ids";
import type { FieldPath } from "../soql/paths";
import type { Rec } from "../org/store";

export interface QueryJob {
  id: string;
  operation: "query" | "queryAll";
  object: string;
  query: string;
  createdById: string;
  createdDate: number;
  state: "UploadComplete" | "InProgress" | "JobComplete" | "Aborted" | "Failed";
  apiVersion: string;
  lineEnding: "LF" | "CRLF";
  columnDelimiter: "COMMA" | "TAB" | "PIPE" | "SEMICOLON" | "CARET" | "BACKQUOTE";
  rows: Rec[];
  select: FieldPath[];
}

/** Bulk API 2.0 query jobs (`750…` Ids), held until deleted or the org is reset. */
export class BulkJobs {
  readonly jobs = new Map<string, QueryJob>();
  private counter = 0;

  nextId(): string {
    return makeId("750", ++this.counter);
  }

  clear(): void {
    this.jobs.clear();
  }
}
