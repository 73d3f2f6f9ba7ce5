/**
 * The one error type that crosses Tandem's layers. Code decides the HTTP status / tRPC code at
 * the edge; the message is a sentence a person can act on.
 */
export const APP_ERROR_CODES = {
  /** No session: sign in first. */
  UNAUTHORIZED: 401,
  /** Signed in, but the role does not allow it (members on admin settings). */
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  /** The input is well-formed but breaks a rule (e.g. removing the last admin). */
  BAD_REQUEST: 400,
  /** A unique thing already exists (an email already on the team). */
  CONFLICT: 409,
  /** Too many attempts; the message says when to try again. */
  TOO_MANY_REQUESTS: 429,
  /** The database cannot be reached at all. */
  DATABASE_UNAVAILABLE: 503,
  /** The database answers but lacks Tandem's tables: run `npm run tandem -- migrate`. */
  DATABASE_NOT_MIGRATED: 503,
  /** No org connected yet: an admin connects one in Setup. */
  SALESFORCE_NOT_CONNECTED: 409,
  /** The refresh token was revoked or expired: reconnect. */
  SALESFORCE_CONNECTION_BROKEN: 409,
  /** The server lacks the connected app's client id/secret. */
  SALESFORCE_NOT_CONFIGURED: 500,
  /** Salesforce answered with an error; the message carries its code. */
  SALESFORCE_ERROR: 502,
  /** Salesforce could not be reached at all. */
  SALESFORCE_UNREACHABLE: 502,
  INTERNAL: 500,
} as const;

export type TAppErrorCode = keyof typeof APP_ERROR_CODES;

export class AppError extends Error {
  readonly code: TAppErrorCode;

  constructor(code: TAppErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "AppError";
    this.code = code;
  }

  get status(): number {
    return APP_ERROR_CODES[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/**
 * A failure reported by Salesforce (or on the way to it), classified once by the Salesforce port:
 * `retryable` means the same call can succeed later without anyone changing anything;
 * `connectionBroken` means the org link is gone and ticks stop until an admin reconnects.
 * `salesforceCode` is Salesforce's own code (UNABLE_TO_LOCK_ROW, INVALID_FIELD…), shown beside the
 * sentence.
 */
export class SalesforceError extends AppError {
  readonly salesforceCode: string;
  readonly retryable: boolean;
  readonly connectionBroken: boolean;

  constructor(
    input: { salesforceCode: string; retryable: boolean; connectionBroken: boolean; message: string },
    options?: { cause?: unknown },
  ) {
    const code: TAppErrorCode = input.connectionBroken
      ? "SALESFORCE_CONNECTION_BROKEN"
      : input.salesforceCode === "NETWORK"
        ? "SALESFORCE_UNREACHABLE"
        : "SALESFORCE_ERROR";
    super(code, input.message, options);
    this.name = "SalesforceError";
    this.salesforceCode = input.salesforceCode;
    this.retryable = input.retryable;
    this.connectionBroken = input.connectionBroken;
  }
}

export function isSalesforceError(error: unknown): error is SalesforceError {
  return error instanceof SalesforceError;
}
