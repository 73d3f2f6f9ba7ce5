import type { IncomingMessage, ServerResponse } from "node:http";
import { handleAdmin } from "./admin";
import { jsonBody, type ApiRequest, type ApiResult } from "./api";
import { restResourceName } from "./rest/composite";
import type { EmulatorOrg } from "./emulator";
import { invalidSession, limitExceeded, notFound, SfError, toSfError } from "./org/errors";
import { NO_FAULTS_HEADER } from "./org/faults";
import { errorResponse, header, json, readBody, text, type Req, type Res } from "./http";
import { handleIdentity } from "./oauth/identity";
import { bearer, handleOAuth } from "./oauth/oauth";
import { routeRest } from "./rest/rest-router";
import { handleSoap } from "./soap/soap";
import { soapFault } from "./soap/soap-xml";

const REST_PATH = /^\/services\/data\/v(\d{1,3}\.\d)(?:\/(.*))?$/;
const SOAP_PATH = /^\/services\/Soap\/u\/(\d{1,3}\.\d)(?:\/[A-Za-z0-9]{15,18})?\/?$/;
const API_VERSIONS = ["55.0", "56.0", "57.0", "58.0", "59.0", "60.0", "61.0", "62.0", "63.0", "64.0", "65.0", "66.0"];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function toRes(result: ApiResult): Res {
  if (result.raw) return text(result.status, result.raw.text, result.raw.contentType, result.headers);
  if (result.status === 204) return { status: 204, headers: result.headers ?? {}, body: "" };
  return json(result.status, result.body, result.headers);
}

/**
 * One REST or SOAP call under the org's faults: latency and injected failures before it runs (what
 * a real org may answer before it looks at a call), lost or late answers after it has committed.
 * A SOAP call's injected error is a SOAP fault (HTTP 500, `sf:<CODE>`), as the SOAP API answers;
 * an expired session is the org's own refusal of the token. Calls carrying NO_FAULTS_HEADER pass.
 */
async function apiCall(emu: EmulatorOrg, req: Req, handle: () => Res, soap = false): Promise<Res | "drop"> {
  if (header(req, NO_FAULTS_HEADER) !== undefined) return handle();
  const latency = emu.faults.latency();
  if (latency > 0) await sleep(latency);
  const decision = emu.faults.next(req.method);
  if (decision.kind === "drop") return "drop";
  if (decision.kind === "expireSession") emu.tokens.expireAll();
  const res = decision.kind === "error" ? injectedError(emu, decision, soap) : handle();
  if (decision.kind === "dropAfterCommit") return "drop";
  if (decision.kind === "timeoutAfterCommit") {
    await sleep(decision.ms);
    return "drop";
  }
  const after = emu.faults.latencyAfterCommit();
  if (after > 0) await sleep(after);
  return res;
}

function injectedError(emu: EmulatorOrg, fault: { status: number; errorCode: string; message: string }, soap: boolean) {
  const headers = { "Sforce-Limit-Info": emu.usage.header() };
  if (soap) {
    return text(500, soapFault(`sf:${fault.errorCode}`, fault.message), "text/xml;charset=UTF-8", headers);
  }
  return json(fault.status, [{ message: fault.message, errorCode: fault.errorCode }], headers);
}

function handleRest(emu: EmulatorOrg, req: Req, version: string, rest: string): Res {
  const withLimit = (res: Res): Res => ({
    ...res,
    headers: { ...res.headers, "Sforce-Limit-Info": emu.usage.header() },
  });
  const userId = emu.tokens.validate(bearer(req));
  if (!userId) return withLimit(errorResponse(invalidSession()));
  if (emu.usage.exhausted()) return withLimit(errorResponse(limitExceeded()));
  const resource = restResourceName(rest);
  // composite/batch counts each subrequest instead of itself; everything else is one call.
  if (resource !== "composite/batch") emu.usage.record(resource);
  const headers: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(", ") : v;
  const apiReq: ApiRequest = {
    method: req.method,
    path: rest,
    query: req.url.searchParams,
    headers,
    version,
    userId,
    rawBody: req.body,
    json: jsonBody(req.body),
  };
  try {
    return withLimit(toRes(routeRest(emu.api, apiReq)));
  } catch (err) {
    return withLimit(errorResponse(err));
  }
}

function handleSoapCall(emu: EmulatorOrg, req: Req, version: string): Res {
  if (req.method !== "POST")
    return text(405, soapFault("soapenv:Client", "SOAP requests must use POST"), "text/xml;charset=UTF-8");
  if (emu.usage.exhausted()) {
    return text(500, soapFault("sf:REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded."), "text/xml;charset=UTF-8");
  }
  const outcome = handleSoap(emu.org, emu.tokens, version, req.body);
  if (outcome.operation) emu.usage.record(`soap/${outcome.operation}`);
  return { ...outcome.res, headers: { ...outcome.res.headers, "Sforce-Limit-Info": emu.usage.header() } };
}

async function route(emu: EmulatorOrg, req: Req): Promise<Res | "drop"> {
  const p = req.path;
  if (p.startsWith("/__emulator/")) return handleAdmin(emu, req);
  if (p.startsWith("/services/oauth2/")) {
    const version = emu.tokens.refreshVersion;
    const res = await handleOAuth(
      { org: emu.org, tokens: emu.tokens, config: emu.oauth, baseUrl: () => emu.baseUrl },
      req,
    );
    if (emu.tokens.refreshVersion !== version) emu.touch();
    return res ?? errorResponse(notFound());
  }
  if (/^\/id\/[A-Za-z0-9]{15,18}\/[A-Za-z0-9]{15,18}\/?$/.test(p))
    return handleIdentity(emu.org, emu.tokens, emu.baseUrl, req);
  if (p === "/services/data" || p === "/services/data/") {
    return json(
      200,
      API_VERSIONS.map((v) => ({ label: `API ${v}`, url: `/services/data/v${v}`, version: v })),
    );
  }
  const rest = REST_PATH.exec(p);
  if (rest) return apiCall(emu, req, () => handleRest(emu, req, rest[1]!, rest[2] ?? ""));
  const soap = SOAP_PATH.exec(p);
  if (soap) return apiCall(emu, req, () => handleSoapCall(emu, req, soap[1]!), true);
  return errorResponse(notFound());
}

/** The node:http listener. Every failure becomes a documented error body, never a stack trace. */
export function createHandler(emu: EmulatorOrg) {
  return async (raw: IncomingMessage, res: ServerResponse): Promise<void> => {
    let out: Res | "drop";
    try {
      const body = await readBody(raw);
      const url = new URL(raw.url ?? "/", emu.baseUrl);
      out = await route(emu, {
        method: (raw.method ?? "GET").toUpperCase(),
        url,
        path: url.pathname,
        headers: raw.headers,
        body,
      });
    } catch (err) {
      const e = err instanceof SfError ? err : toSfError(err);
      if (!(err instanceof SfError))
        console.error("emulator: unexpected error:", err instanceof Error ? err.message : err);
      out = json(e.status, [{ message: e.message, errorCode: e.errorCode }]);
    }
    if (out === "drop") {
      raw.socket.destroy();
      return;
    }
    // A client that gave up during latencyAfterCommitMs is gone; there is no one to answer.
    if (res.headersSent || res.destroyed || raw.socket.destroyed) return;
    res.writeHead(out.status, {
      ...out.headers,
      ...(out.body ? { "Content-Length": Buffer.byteLength(out.body) } : {}),
    });
    res.end(out.body);
  };
}
