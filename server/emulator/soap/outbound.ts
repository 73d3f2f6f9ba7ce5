import { z } from "zod";
import type { OrgContext } from "../context";
import { SfError } from "../org/errors";
import { makeId } from "../org/ids";
import { buildEnvelope, isAck } from "./outbound-envelope";
import type { Change } from "../org/store";

export const ZOutboundRuleSchema = z.object({
  id: z
    .string()
    .regex(/^04k[A-Za-z0-9]{15}$/)
    .optional(),
  name: z.string().min(1).optional(),
  object: z.string().min(1),
  fields: z.array(z.string().min(1)).min(1),
  endpointUrl: z.string().url(),
  active: z.boolean().default(true),
  /** "Send Session ID": the message carries a session of the demo user. */
  sessionId: z.boolean().default(false),
  apiVersion: z
    .string()
    .regex(/^\d+\.\d$/)
    .default("62.0"),
});
export type TOutboundRuleInput = z.input<typeof ZOutboundRuleSchema>;
export type TOutboundRule = z.infer<typeof ZOutboundRuleSchema> & { id: string; name: string };

export interface OutboundTiming {
  /** First retry delay; doubles each attempt up to `maxBackoffMs` (Salesforce: up to two hours). */
  initialBackoffMs: number;
  maxBackoffMs: number;
  /** "The timeout for an outbound message is 60 seconds." */
  timeoutMs: number;
  /** Messages older than this are dropped ("until they're 24 hours old"). */
  maxAgeMs: number;
  /** Wait this long after a change so several changes share an envelope. */
  batchDelayMs: number;
}

export const DEFAULT_OUTBOUND_TIMING: OutboundTiming = {
  initialBackoffMs: 2_000,
  maxBackoffMs: 2 * 3_600_000,
  timeoutMs: 60_000,
  maxAgeMs: 24 * 3_600_000,
  batchDelayMs: 50,
};

interface Pending {
  notificationId: string;
  ruleId: string;
  recordId: string;
  queuedAt: number;
  attempts: number;
  dueAt: number;
  inFlight: boolean;
}

export interface Delivery {
  at: string;
  actionId: string;
  object: string;
  endpointUrl: string;
  notificationIds: string[];
  recordIds: string[];
  attempt: number;
  httpStatus: number | null;
  acknowledged: boolean;
  error: string | null;
}

const MAX_LOG = 1000;
const MAX_PER_ENVELOPE = 100;

/** Outbound messages: queue on change, send in envelopes of up to 100, retry until acknowledged. */
export class OutboundMessages {
  rules: TOutboundRule[] = [];
  private queue: Pending[] = [];
  readonly deliveries: Delivery[] = [];
  private timer: NodeJS.Timeout | null = null;
  private counter = 0;
  private stopped = false;
  private readonly inflight = new Set<AbortController>();

  constructor(
    private readonly org: OrgContext,
    private readonly baseUrl: () => string,
    private readonly sessionFor: () => string,
    readonly timing: OutboundTiming,
  ) {}

  addRule(input: unknown): TOutboundRule {
    const parsed = ZOutboundRuleSchema.parse(input);
    const table = this.org.store.table(parsed.object);
    if (!table) throw new SfError(400, "INVALID_TYPE", `sObject type '${parsed.object}' is not supported.`);
    for (const f of parsed.fields) {
      if (!table.def.byLowerName.has(f.toLowerCase()))
        throw new SfError(400, "INVALID_FIELD", `No such column '${f}' on entity '${table.def.name}'`);
    }
    const id = parsed.id ?? makeId("04k", ++this.counter + this.rules.length * 1000);
    const rule: TOutboundRule = {
      ...parsed,
      id,
      object: table.def.name,
      name: parsed.name ?? `${table.def.name}_Outbound_Message`,
      fields: parsed.fields.map((f) => table.def.byLowerName.get(f.toLowerCase())!.name),
    };
    this.rules = [...this.rules.filter((r) => r.id !== id), rule];
    return rule;
  }

  setActive(id: string, active: boolean): TOutboundRule | null {
    const rule = this.rules.find((r) => r.id === id);
    if (rule) rule.active = active;
    return rule ?? null;
  }

  /** Workflow fires on create and on edit; deletes send nothing. */
  onChanges(changes: Change[]): void {
    if (this.stopped) return;
    const now = this.org.clock();
    let added = false;
    for (const change of changes) {
      if (change.kind !== "insert" && change.kind !== "update") continue;
      for (const rule of this.rules) {
        if (!rule.active || rule.object !== change.object) continue;
        // A record already waiting is sent once, with its latest data.
        if (this.queue.some((p) => p.ruleId === rule.id && p.recordId === change.id && !p.inFlight)) continue;
        this.queue.push({
          notificationId: makeId("04l", ++this.counter),
          ruleId: rule.id,
          recordId: change.id,
          queuedAt: now,
          attempts: 0,
          dueAt: Date.now() + this.timing.batchDelayMs,
          inFlight: false,
        });
        added = true;
      }
    }
    if (added) this.schedule();
  }

  pending(): Omit<Pending, "inFlight">[] {
    return this.queue.map(({ inFlight: _f, ...p }) => p);
  }

  private schedule(): void {
    if (this.stopped) return;
    const waiting = this.queue.filter((p) => !p.inFlight);
    if (waiting.length === 0) return;
    const next = Math.min(...waiting.map((p) => p.dueAt));
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(
      () => {
        this.timer = null;
        this.dispatch();
      },
      Math.max(0, next - Date.now()),
    );
    this.timer.unref?.();
  }

  private dispatch(): void {
    const now = Date.now();
    this.queue = this.queue.filter((p) => p.inFlight || this.org.clock() - p.queuedAt < this.timing.maxAgeMs);
    // Whatever falls due within the batching delay rides along in the same envelope.
    const due = this.queue.filter((p) => !p.inFlight && p.dueAt <= now + this.timing.batchDelayMs);
    const byRule = new Map<string, Pending[]>();
    for (const p of due) byRule.set(p.ruleId, [...(byRule.get(p.ruleId) ?? []), p]);
    for (const [ruleId, items] of byRule) {
      const rule = this.rules.find((r) => r.id === ruleId);
      if (!rule) {
        this.queue = this.queue.filter((p) => p.ruleId !== ruleId);
        continue;
      }
      for (let i = 0; i < items.length; i += MAX_PER_ENVELOPE)
        void this.send(rule, items.slice(i, i + MAX_PER_ENVELOPE));
    }
    this.schedule();
  }

  private async send(rule: TOutboundRule, items: Pending[]): Promise<void> {
    for (const p of items) {
      p.inFlight = true;
      p.attempts++;
    }
    const table = this.org.store.requireTable(rule.object);
    const fields = rule.fields.map((f) => table.def.byLowerName.get(f.toLowerCase())!).filter(Boolean);
    const body = buildEnvelope({
      orgId: this.org.orgId,
      actionId: rule.id,
      sessionId: rule.sessionId ? this.sessionFor() : null,
      baseUrl: this.baseUrl(),
      apiVersion: rule.apiVersion,
      objectName: rule.object,
      fields,
      notifications: items.map((p) => {
        const rec = table.byId.get(p.recordId);
        // "If the record is deleted before the notification is delivered, the notification contains no data."
        return {
          notificationId: p.notificationId,
          recordId: p.recordId,
          record: rec && rec.IsDeleted !== true ? rec : null,
        };
      }),
    });
    const controller = new AbortController();
    this.inflight.add(controller);
    const timeout = setTimeout(() => controller.abort(), this.timing.timeoutMs);
    let httpStatus: number | null = null;
    let acknowledged = false;
    let error: string | null = null;
    try {
      const res = await fetch(rule.endpointUrl, {
        method: "POST",
        body,
        signal: controller.signal,
        redirect: "manual",
        headers: { "Content-Type": "text/xml; charset=utf-8", SOAPAction: '""' },
      });
      httpStatus = res.status;
      const text = await res.text();
      acknowledged = res.status >= 200 && res.status < 300 && isAck(text);
      if (!acknowledged) {
        error = /<(?:[\w-]+:)?Ack>\s*false\s*<\//.test(text)
          ? "SOAP response was a nack"
          : res.status >= 300
            ? `HTTP ${res.status}`
            : "org.xml.sax.SAXParseException; lineNumber: 1; columnNumber: 1; Content is not allowed in prolog.";
      }
    } catch (err) {
      error = controller.signal.aborted ? "Read timed out" : err instanceof Error ? err.message : String(err);
    } finally {
      clearTimeout(timeout);
      this.inflight.delete(controller);
    }
    this.log({
      at: new Date(this.org.clock()).toISOString(),
      actionId: rule.id,
      object: rule.object,
      endpointUrl: rule.endpointUrl,
      notificationIds: items.map((p) => p.notificationId),
      recordIds: items.map((p) => p.recordId),
      attempt: Math.max(...items.map((p) => p.attempts)),
      httpStatus,
      acknowledged,
      error,
    });
    if (acknowledged) {
      const done = new Set(items);
      this.queue = this.queue.filter((p) => !done.has(p));
    } else {
      for (const p of items) {
        p.inFlight = false;
        p.dueAt = Date.now() + Math.min(this.timing.maxBackoffMs, this.timing.initialBackoffMs * 2 ** (p.attempts - 1));
      }
    }
    this.schedule();
  }

  private log(d: Delivery): void {
    this.deliveries.push(d);
    if (this.deliveries.length > MAX_LOG) this.deliveries.splice(0, this.deliveries.length - MAX_LOG);
  }

  /** Waits until nothing is queued (tests), or the timeout passes. */
  async idle(timeoutMs = 5_000): Promise<boolean> {
    const end = Date.now() + timeoutMs;
    while (this.queue.length > 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 5));
    return this.queue.length === 0;
  }

  clear(): void {
    this.rules = [];
    this.queue = [];
    this.deliveries.length = 0;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    for (const c of this.inflight) c.abort();
  }
}
