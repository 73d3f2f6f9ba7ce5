import { z } from "zod";
import type { EmulatorOrg } from "./emulator";
import { SfError } from "./org/errors";
import { json, parseJson, type Req, type Res } from "./http";
import { insertSynthetic, MAX_SYNTHETIC } from "./seed/seed-synthetic";

const ZResetSchema = z.object({ seed: z.enum(["demo", "empty"]).optional() });
const ZLimitsSchema = z.object({ dailyMax: z.number().int().min(0) });
const ZRecordsSchema = z.object({ object: z.string().min(1), count: z.number().int().min(1).max(MAX_SYNTHETIC) });
const ZRuleActiveSchema = z.object({ active: z.boolean() });
const ZTokenTtlSchema = z.object({ seconds: z.number().int().min(1) });

const bad = (message: string, details?: unknown) =>
  json(400, { error: message, ...(details === undefined ? {} : { details }) });

function body(req: Req): unknown {
  return req.body.trim() === "" ? {} : parseJson(req.body);
}

/**
 * The emulator's own control API under `/__emulator/` (JSON in, JSON out). It is not part of
 * Salesforce: no auth, no API usage.
 */
export async function handleAdmin(emu: EmulatorOrg, req: Req): Promise<Res> {
  const route = req.path.replace(/^\/__emulator\/?/, "").replace(/\/$/, "");
  const key = `${req.method} ${route}`;
  try {
    switch (key) {
      case "GET ":
        return json(200, {
          orgId: emu.org.orgId,
          url: emu.baseUrl,
          clientId: emu.oauth.clientId,
          routes: [
            "POST reset {seed}",
            "POST tokens",
            "POST expire-tokens",
            "POST token-ttl {seconds}",
            "GET api-usage",
            "POST limits {dailyMax}",
            "GET|POST|DELETE faults (GET also counts the calls faults applied to and what was injected, by kind)",
            "GET|POST outbound-messages",
            "PATCH outbound-messages/<id> {active}",
            "GET rules",
            "POST validation-rules",
            "POST duplicate-rules",
            "POST records {object, count}",
          ],
        });
      case "POST reset": {
        const { seed } = ZResetSchema.parse(body(req));
        await emu.reset(seed);
        return json(200, { ok: true, seed: seed ?? emu.options.seed ?? "demo", orgId: emu.org.orgId });
      }
      case "POST tokens":
        return json(200, emu.issueTokens());
      case "POST expire-tokens":
        return json(200, { expired: emu.tokens.expireAll() });
      case "POST token-ttl": {
        const { seconds } = ZTokenTtlSchema.parse(body(req));
        emu.setTokenTtlSeconds(seconds);
        return json(200, { seconds });
      }
      case "GET api-usage":
        return json(200, {
          total: emu.usage.total,
          byResource: Object.fromEntries(emu.usage.byResource),
          used24h: emu.usage.used(),
          dailyMax: emu.usage.dailyMax,
        });
      case "POST clock": {
        const { advanceMs } = z
          .object({
            advanceMs: z
              .number()
              .int()
              .min(0)
              .max(365 * 86_400_000),
          })
          .parse(body(req));
        emu.clockOffsetMs += advanceMs;
        return json(200, { now: new Date(emu.clock()).toISOString(), offsetMs: emu.clockOffsetMs });
      }
      case "POST limits": {
        const { dailyMax } = ZLimitsSchema.parse(body(req));
        emu.usage.dailyMax = dailyMax;
        emu.touch();
        return json(200, { dailyMax, used24h: emu.usage.used() });
      }
      case "GET faults":
        return json(200, { ...emu.faults.config, calls: emu.faults.calls, injected: emu.faults.injected });
      case "POST faults":
        return json(200, emu.faults.set(body(req)));
      case "DELETE faults":
        emu.faults.clear();
        return json(200, emu.faults.config);
      case "GET outbound-messages":
        return json(200, {
          rules: emu.outbound.rules,
          pending: emu.outbound.pending(),
          deliveries: emu.outbound.deliveries,
        });
      case "POST outbound-messages": {
        const rule = emu.outbound.addRule(body(req));
        emu.touch();
        return json(201, rule);
      }
      case "GET rules":
        return json(200, { validation: emu.rules.validation, duplicate: emu.rules.duplicate });
      case "POST validation-rules": {
        const rule = emu.rules.addValidationRule(body(req));
        emu.touch();
        return json(201, rule);
      }
      case "POST duplicate-rules": {
        const rule = emu.rules.addDuplicateRule(body(req));
        emu.touch();
        return json(201, rule);
      }
      case "POST records": {
        const { object, count } = ZRecordsSchema.parse(body(req));
        const started = performance.now();
        const result = emu.store.transaction(() => insertSynthetic(emu.org, object, count));
        return json(201, { ...result, ms: Math.round(performance.now() - started) });
      }
    }
    const ruleMatch = /^outbound-messages\/([A-Za-z0-9]{18})$/.exec(route);
    if (ruleMatch && req.method === "PATCH") {
      const { active } = ZRuleActiveSchema.parse(body(req));
      const rule = emu.outbound.setActive(ruleMatch[1]!, active);
      if (!rule) return json(404, { error: `no outbound-message rule ${ruleMatch[1]}` });
      emu.touch();
      return json(200, rule);
    }
    return json(404, { error: `unknown admin route: ${req.method} /__emulator/${route}` });
  } catch (err) {
    if (err instanceof z.ZodError) return bad("invalid request body", err.issues);
    if (err instanceof SfError) return bad(`${err.errorCode}: ${err.message}`);
    return bad(err instanceof Error ? err.message : String(err));
  }
}
