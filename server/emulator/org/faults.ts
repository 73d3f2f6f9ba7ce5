import { z } from "zod";

export const ZFaultsSchema = z.object({
  /** Share (0..1) of API calls answered with one of `statuses`. */
  errorRate: z.number().min(0).max(1).default(0),
  statuses: z.array(z.number().int().min(400).max(599)).min(1).default([500, 503]),
  latencyMs: z.number().int().min(0).max(120_000).default(0),
  /** The next `count` API calls get exactly this error. */
  nextErrors: z
    .object({
      count: z.number().int().min(0),
      status: z.number().int().min(400).max(599),
      errorCode: z.string().min(1),
      message: z.string().default("Injected error"),
    })
    .optional(),
  /** The next `n` API calls have their connection closed without an answer. */
  dropConnections: z.number().int().min(0).default(0),
  /** The next `n` API calls run to the end (writes commit), then lose their answer: the connection closes. */
  dropAfterCommit: z.number().int().min(0).default(0),
  /** Every API call runs first, then waits this long to answer: a client that gives up sooner misses a commit. */
  latencyAfterCommitMs: z.number().int().min(0).max(120_000).default(0),
  /** When set, `errorRate` and `dropAfterCommit` hit only calls with these HTTP methods (SOAP calls are POST). */
  onlyMethods: z
    .array(z.string().regex(/^[A-Za-z]+$/))
    .min(1)
    .transform((methods) => methods.map((m) => m.toUpperCase()))
    .optional(),
});
export type TFaults = z.infer<typeof ZFaultsSchema>;

export type FaultDecision =
  | { kind: "none" }
  | { kind: "drop" }
  | { kind: "dropAfterCommit" }
  | { kind: "error"; status: number; errorCode: string; message: string };

/** Salesforce's codes for the statuses a fault can produce. */
function codeFor(status: number): { errorCode: string; message: string } {
  switch (status) {
    case 503:
      return { errorCode: "SERVER_UNAVAILABLE", message: "Server is unavailable, please try again later" };
    case 500:
      return {
        errorCode: "UNKNOWN_EXCEPTION",
        message:
          "An unexpected error occurred. Please include this ErrorId if you contact support: 1234567890-12345 (-1234567890)",
      };
    case 403:
      return { errorCode: "REQUEST_LIMIT_EXCEEDED", message: "TotalRequests Limit exceeded." };
    case 401:
      return { errorCode: "INVALID_SESSION_ID", message: "Session expired or invalid" };
    case 400:
      return { errorCode: "UNABLE_TO_LOCK_ROW", message: "unable to obtain exclusive access to this record" };
    default:
      return { errorCode: "UNKNOWN_EXCEPTION", message: `HTTP ${status}` };
  }
}

export class Faults {
  config: TFaults = ZFaultsSchema.parse({});

  constructor(private readonly random: () => number = Math.random) {}

  set(input: unknown): TFaults {
    this.config = ZFaultsSchema.parse(input);
    return this.config;
  }

  clear(): void {
    this.config = ZFaultsSchema.parse({});
  }

  latency(): number {
    return this.config.latencyMs;
  }

  latencyAfterCommit(): number {
    return this.config.latencyAfterCommitMs;
  }

  /** Decides the fate of one API call, consuming one-shot faults first. */
  next(method: string): FaultDecision {
    const c = this.config;
    const targeted = !c.onlyMethods || c.onlyMethods.includes(method.toUpperCase());
    if (c.dropConnections > 0) {
      c.dropConnections--;
      return { kind: "drop" };
    }
    if (c.nextErrors && c.nextErrors.count > 0) {
      c.nextErrors.count--;
      return {
        kind: "error",
        status: c.nextErrors.status,
        errorCode: c.nextErrors.errorCode,
        message: c.nextErrors.message,
      };
    }
    if (!targeted) return { kind: "none" };
    if (c.dropAfterCommit > 0) {
      c.dropAfterCommit--;
      return { kind: "dropAfterCommit" };
    }
    if (c.errorRate > 0 && this.random() < c.errorRate) {
      const status = c.statuses[Math.floor(this.random() * c.statuses.length)] ?? 500;
      return { kind: "error", status, ...codeFor(status) };
    }
    return { kind: "none" };
  }
}
