/**
 * Counts the API calls a jsforce connection makes and keeps the latest `Sforce-Limit-Info`
 * reading. OAuth token requests do not count against Salesforce's API limit, so they are not
 * counted here either.
 */
export type TApiMeter = {
  calls: number;
  limit: { used: number; max: number; at: number } | null;
  /** Bulk 2.0 results pages, by URL: their Sforce-Locator header (jsforce returns only bodies). */
  locators: Map<string, string>;
};

export function createApiMeter(): TApiMeter {
  return { calls: 0, limit: null, locators: new Map() };
}

const LIMIT_INFO = /api-usage=(\d+)\/(\d+)/;

export function readLimitInfo(header: string | undefined | null): { used: number; max: number } | null {
  const match = header ? LIMIT_INFO.exec(header) : null;
  return match ? { used: Number(match[1]), max: Number(match[2]) } : null;
}

type TTransportResponse = { headers?: Record<string, string | undefined> };
type TTransport = { httpRequest: (request: { url: string }, options?: unknown) => Promise<TTransportResponse> };

/**
 * jsforce sends every REST, SOAP and Bulk request through `connection._transport`; wrapping it is
 * the one place that sees them all, including jsforce's own retries.
 */
export function attachApiMeter(connection: unknown, meter: TApiMeter, clock: () => number): void {
  const transport = (connection as { _transport?: TTransport })._transport;
  if (!transport || typeof transport.httpRequest !== "function")
    throw new Error("Unsupported jsforce version: no transport to meter.");
  const send = transport.httpRequest.bind(transport);
  transport.httpRequest = (request, options) => {
    const pending = send(request, options);
    if (!request.url.includes("/services/oauth2/")) {
      meter.calls += 1;
      pending.then(
        (response) => {
          const limit = readLimitInfo(response?.headers?.["sforce-limit-info"]);
          if (limit) meter.limit = { ...limit, at: clock() };
          const locator = response?.headers?.["sforce-locator"];
          if (locator && request.url.includes("/jobs/query/")) meter.locators.set(request.url, locator);
        },
        () => undefined,
      );
    }
    return pending;
  };
}
