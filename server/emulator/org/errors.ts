/** A Salesforce API error: what REST returns as `[{message, errorCode, fields}]`. */
export class SfError extends Error {
  readonly status: number;
  readonly errorCode: string;
  /** Present on DML errors (`fields` in the body); absent on session, query and routing errors. */
  readonly fields: string[] | undefined;
  /** Extra top-level keys some errors carry (e.g. `duplicateResult`). */
  readonly extra: Record<string, unknown>;

  constructor(
    status: number,
    errorCode: string,
    message: string,
    fields?: string[],
    extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.status = status;
    this.errorCode = errorCode;
    this.fields = fields;
    this.extra = extra;
  }

  /** Single-record REST shape: `errorCode`. */
  toRestBody(): Record<string, unknown> {
    const body: Record<string, unknown> = { ...this.extra, message: this.message, errorCode: this.errorCode };
    if (this.fields) body.fields = this.fields;
    return body;
  }

  /**
   * sObject Collections shape: the same code under `statusCode`, and never `duplicateResult`
   * (the composite docs show DUPLICATES_DETECTED without it inside collections).
   */
  toCollectionError(): { statusCode: string; message: string; fields: string[] } {
    return { statusCode: this.errorCode, message: this.message, fields: this.fields ?? [] };
  }
}

export const invalidSession = () => new SfError(401, "INVALID_SESSION_ID", "Session expired or invalid");
export const notFound = () => new SfError(404, "NOT_FOUND", "The requested resource does not exist");
export const jsonParserError = (message: string) => new SfError(400, "JSON_PARSER_ERROR", message);
export const limitExceeded = () => new SfError(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.");

export const ROLLED_BACK_MESSAGE =
  "Record rolled back because not all records were valid and the request was using AllOrNone header";
export const rolledBack = () => new SfError(400, "ALL_OR_NONE_OPERATION_ROLLED_BACK", ROLLED_BACK_MESSAGE);

/** Any non-SfError becomes UNKNOWN_EXCEPTION; the stack never leaves the process. */
export function toSfError(err: unknown): SfError {
  if (err instanceof SfError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new SfError(500, "UNKNOWN_EXCEPTION", `An unexpected error occurred: ${message.split("\n")[0] ?? ""}`);
}
