/**
 * ERR-3 and the retry policy: every failure a sync can meet, classified once. `retryable` means
 * the same work can succeed later without anyone changing anything; `connection` means the link
 * to the org is broken and ticks must stop until an admin reconnects.
 */
export type TSyncErrorClass = { code: string; retryable: boolean; connection: boolean; message: string };

const TABLE: Record<string, Omit<TSyncErrorClass, "code">> = {
  invalid_grant: {
    retryable: false,
    connection: true,
    message:
      "Salesforce no longer accepts Tandem's refresh token (it was revoked or expired). An admin must reconnect Salesforce in Setup.",
  },
  INVALID_SESSION_ID: {
    retryable: true,
    connection: false,
    message: "The Salesforce session expired and could not be renewed on the spot; the next tick retries.",
  },
  REQUEST_LIMIT_EXCEEDED: {
    retryable: true,
    connection: false,
    message:
      "Salesforce's daily API limit for this org is used up. Sync resumes when the rolling 24-hour window frees calls.",
  },
  UNABLE_TO_LOCK_ROW: {
    retryable: true,
    connection: false,
    message: "Salesforce was busy with the same records (row lock); the next tick retries.",
  },
  SERVER_UNAVAILABLE: {
    retryable: true,
    connection: false,
    message: "Salesforce is temporarily unavailable; the next tick retries from where this one stopped.",
  },
  UNKNOWN_EXCEPTION: {
    retryable: true,
    connection: false,
    message: "Salesforce had an internal error; the next tick retries from where this one stopped.",
  },
  INVALID_QUERY_LOCATOR: {
    retryable: true,
    connection: false,
    message: "Salesforce forgot the query position between pages; the next tick starts again from the cursor.",
  },
  INVALID_FIELD: {
    retryable: false,
    connection: false,
    message:
      "Salesforce says a field Tandem asks for does not exist or is not visible to the connected user. Check the user's field-level security.",
  },
  INVALID_TYPE: {
    retryable: false,
    connection: false,
    message:
      "Salesforce says an object Tandem pulls is not available to the connected user. Check the user's object permissions.",
  },
  API_DISABLED_FOR_ORG: {
    retryable: false,
    connection: true,
    message: "The API is not enabled for this org or user. Salesforce editions without API access cannot sync.",
  },
  NETWORK: {
    retryable: true,
    connection: false,
    message:
      "Salesforce could not be reached (network error or timeout); the next tick retries from where this one stopped.",
  },
};

const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
  "UND_ERR_SOCKET",
  "UND_ERR_CONNECT_TIMEOUT",
  "ERR_STREAM_PREMATURE_CLOSE",
]);

// jsforce wraps a failed token refresh as a plain Error: "Unable to refresh session due to: …".
const REFUSED_REFRESH =
  /Unable to refresh session due to: .*(expired access\/refresh token|invalid_grant|inactive|revoked)/i;

export function classifySyncError(error: {
  name?: string;
  errorCode?: string;
  code?: string;
  statusCode?: number;
  message?: string;
}): TSyncErrorClass {
  if (REFUSED_REFRESH.test(error.message ?? ""))
    return { code: "invalid_grant", ...(TABLE.invalid_grant as Omit<TSyncErrorClass, "code">) };
  const candidates = [error.errorCode, error.name, error.code];
  for (const candidate of candidates) {
    if (candidate && TABLE[candidate]) return { code: candidate, ...TABLE[candidate] };
  }
  if (
    candidates.some((candidate) => candidate && NETWORK_CODES.has(candidate)) ||
    /fetch failed|socket hang up|network|timed? ?out/i.test(error.message ?? "")
  ) {
    return { code: "NETWORK", ...(TABLE.NETWORK as Omit<TSyncErrorClass, "code">) };
  }
  const status = error.statusCode ?? Number(/ERROR_HTTP_(\d{3})/.exec(error.errorCode ?? error.name ?? "")?.[1] ?? 0);
  if (status >= 500)
    return {
      code: `HTTP_${status}`,
      retryable: true,
      connection: false,
      message: `Salesforce answered ${status}; the next tick retries from where this one stopped.`,
    };
  const code = error.errorCode ?? error.name ?? "UNKNOWN";
  return {
    code,
    retryable: false,
    connection: false,
    message: `Salesforce refused the request (${code}): ${error.message ?? "no message"}.`,
  };
}
