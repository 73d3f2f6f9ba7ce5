import type { OrgContext } from "../context";
import { SfError, toSfError } from "../org/errors";
import { text, type Res } from "../http";
import { convertOne } from "./soap-convert";
import { mergeOne } from "./soap-merge";
import { parseEnvelope, soapEnvelope, soapFault, textOf, toXml, type XmlNode } from "./soap-xml";
import type { TokenStore } from "../oauth/tokens";

const XML_TYPE = "text/xml;charset=UTF-8";
const MAX_REQUESTS = 200;

export interface SoapOutcome {
  res: Res;
  /** The operation name, for API usage; null when the call never reached one. */
  operation: string | null;
}

const fault = (code: string, message: string): SoapOutcome => ({
  res: text(500, soapFault(code, message), XML_TYPE),
  operation: null,
});

/** Partner SOAP endpoint `/services/Soap/u/NN.N`: merge() and convertLead(). */
export function handleSoap(org: OrgContext, tokens: TokenStore, version: string, body: string): SoapOutcome {
  try {
    const env = parseEnvelope(body);
    const session = textOf((env.header.SessionHeader as XmlNode | undefined)?.sessionId);
    const userId = tokens.validate(session ?? undefined);
    if (!userId) return fault("sf:INVALID_SESSION_ID", "Invalid Session ID found in SessionHeader: Illegal Session");
    const [operation, args] = Object.entries(env.body).find(([k]) => !k.startsWith("@")) ?? [];
    const opts = { userId, allowSave: false, version };
    if (operation === "merge") {
      const requests = ((args as XmlNode | undefined)?.mergeRequests as XmlNode[] | undefined) ?? [];
      if (requests.length > MAX_REQUESTS)
        return fault("sf:LIMIT_EXCEEDED", `Exceeded max size limit of ${MAX_REQUESTS}`);
      const results = requests.map((r) => mergeOne(org, r, opts));
      return {
        res: text(200, soapEnvelope(`<mergeResponse>${toXml("result", results)}</mergeResponse>`), XML_TYPE),
        operation,
      };
    }
    if (operation === "convertLead") {
      const converts = ((args as XmlNode | undefined)?.leadConverts as XmlNode[] | undefined) ?? [];
      if (converts.length > MAX_REQUESTS)
        return fault("sf:LIMIT_EXCEEDED", `Exceeded max size limit of ${MAX_REQUESTS}`);
      const results = converts.map((c) => convertOne(org, c, opts));
      return {
        res: text(
          200,
          soapEnvelope(`<convertLeadResponse>${toXml("result", results)}</convertLeadResponse>`),
          XML_TYPE,
        ),
        operation,
      };
    }
    return fault(
      "soapenv:Client",
      `No operation available for request {urn:partner.soap.sforce.com}${operation ?? ""}`,
    );
  } catch (err) {
    const e = err instanceof SfError ? err : toSfError(err);
    return fault(e.errorCode.includes(":") ? e.errorCode : `sf:${e.errorCode}`, e.message);
  }
}
