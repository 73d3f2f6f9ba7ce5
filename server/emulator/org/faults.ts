import { z } from "zod";

/**
 * What one injected fault can be, for `kinds`: an error answer (by HTTP status, or by the
 * Salesforce code it carries), a connection dropped before the call runs, a call that commits and
 * then loses its answer at once (`dropAfterCommit`) or after hanging (`timeoutAfterCommit`), and
 * a session that expires under the call (`expireSession`: every access token ends, so the call is
 * refused with the org's own INVALID_SESSION_ID and a client must refresh).
 */
export const FAULT_KINDS = [
  "500",
  "503",
  "UNABLE_TO_LOCK_ROW",
  "REQUEST_LIMIT_EXCEEDED",
  "INVALID_SESSION_ID",
  "drop",
  "dropAfterCommit",
  "timeoutAfterCommit",
  "expireSession",
] as const;
export type TFaultKind = (typeof FAULT_KINDS)[number];

/** Requests carrying this header (any value) are never faulted: a test's own setup traffic. */
export const NO_FAULTS_HEADER = "x-emulator-no-faults";

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
  /**
   * When set, `errorRate` draws one of these kinds (evenly) for each call it hits, instead of one
   * of `statuses`: the mix a soak test wants.
   */
  kinds: z.array(z.enum(FAULT_KINDS)).min(1).optional(),
  /** How long a `timeoutAfterCommit` call hangs, committed, before its connection closes. */
  timeoutAfterCommitMs: z.number().int().min(0).max(120_000).default(1_500),
  /** Seeds the draws of `errorRate`, so a run can be repeated. */
  seed: z.number().int().optional(),
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
  | { kind: "timeoutAfterCommit"; ms: number }
  | { kind: "expireSession" }
  | { kind: "error"; status: number; errorCode: string; message: string };

/** The HTTP status each error kind is answered with (docs/salesforce-api.md §4). */
const KIND_STATUS: Partial<Record<TFaultKind, number>> = {
  "500": 500,
  "503": 503,
  UNABLE_TO_LOCK_ROW: 400,
  REQUEST_LIMIT_EXCEEDED: 403,
  INVALID_SESSION_ID: 401,
};

/** A small seeded generator (mulberry32): the same seed draws the same faults. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

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
  /** Faults injected since the last `set` or `clear`, by kind (an error by its code). */
  injected: Record<string, number> = {};
  /** API calls that came under the faults (faulted or not) since the last `set` or `clear`: what a client sent. */
  calls = 0;
  private random: () => number;

  constructor(private readonly defaultRandom: () => number = Math.random) {
    this.random = defaultRandom;
  }

  set(input: unknown): TFaults {
    this.config = ZFaultsSchema.parse(input);
    this.injected = {};
    this.calls = 0;
    this.random = this.config.seed === undefined ? this.defaultRandom : seededRandom(this.config.seed);
    return this.config;
  }

  clear(): void {
    this.config = ZFaultsSchema.parse({});
    this.injected = {};
    this.calls = 0;
    this.random = this.defaultRandom;
  }

  latency(): number {
    return this.config.latencyMs;
  }

  latencyAfterCommit(): number {
    return this.config.latencyAfterCommitMs;
  }

  /** Decides the fate of one API call, consuming one-shot faults first, and counts what it injects. */
  next(method: string): FaultDecision {
    const decision = this.decide(method);
    this.calls++;
    if (decision.kind !== "none") {
      const label = decision.kind === "error" ? decision.errorCode : decision.kind;
      this.injected[label] = (this.injected[label] ?? 0) + 1;
    }
    return decision;
  }

  private decide(method: string): FaultDecision {
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
      if (c.kinds) return this.decideKind(c.kinds[Math.floor(this.random() * c.kinds.length)] ?? "500");
      const status = c.statuses[Math.floor(this.random() * c.statuses.length)] ?? 500;
      return { kind: "error", status, ...codeFor(status) };
    }
    return { kind: "none" };
  }

  private decideKind(kind: TFaultKind): FaultDecision {
    if (kind === "drop" || kind === "dropAfterCommit" || kind === "expireSession") return { kind };
    if (kind === "timeoutAfterCommit") return { kind, ms: this.config.timeoutAfterCommitMs };
    const status = KIND_STATUS[kind] ?? 500;
    const { errorCode, message } = codeFor(status);
    return { kind: "error", status, errorCode: kind === "500" || kind === "503" ? errorCode : kind, message };
  }
}
