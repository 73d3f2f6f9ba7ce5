import { XMLParser } from "fast-xml-parser";
import { SfError } from "../org/errors";

export const SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/";

export function xmlEscape(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

// Entities and DTDs stay unprocessed: a SOAP body never needs them and they are an attack surface.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  removeNSPrefix: true,
  processEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => ["mergeRequests", "recordToMergeIds", "leadConverts", "fieldsToNull"].includes(name),
});

export type XmlNode = Record<string, unknown>;

/** Parses a SOAP envelope; DTDs and malformed XML are client faults. */
export function parseEnvelope(body: string): { header: XmlNode; body: XmlNode } {
  if (/<!DOCTYPE|<!ENTITY/i.test(body)) throw new SfError(500, "soapenv:Client", "DOCTYPE is not allowed");
  let doc: XmlNode;
  try {
    doc = parser.parse(body, true) as XmlNode;
  } catch (err) {
    const detail = err instanceof Error ? err.message.split("\n")[0] : "parse error";
    throw new SfError(500, "soapenv:Client", `Unable to parse the SOAP request: ${detail}`);
  }
  const env = doc.Envelope;
  if (!env || typeof env !== "object")
    throw new SfError(500, "soapenv:Client", "Element {http://schemas.xmlsoap.org/soap/envelope/}Envelope is required");
  const e = env as XmlNode;
  const b = e.Body;
  if (!b || typeof b !== "object")
    throw new SfError(500, "soapenv:Client", "Element {http://schemas.xmlsoap.org/soap/envelope/}Body is required");
  return { header: (typeof e.Header === "object" && e.Header ? e.Header : {}) as XmlNode, body: b as XmlNode };
}

/** Text content of a parsed element (fast-xml-parser puts it in `#text` when attributes exist). */
export function textOf(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return String(v);
  if (typeof v === "object") {
    const o = v as XmlNode;
    if (o["@nil"] === "true") return null;
    if ("#text" in o) return String(o["#text"]);
    return "";
  }
  return null;
}

/** Serialises a plain value as partner-namespace XML: arrays repeat the element, null is xsi:nil. */
export function toXml(name: string, value: unknown): string {
  if (Array.isArray(value)) return value.map((v) => toXml(name, v)).join("");
  if (value === null || value === undefined) return `<${name} xsi:nil="true"/>`;
  if (typeof value === "object") {
    return `<${name}>${Object.entries(value as XmlNode)
      .map(([k, v]) => toXml(k, v))
      .join("")}</${name}>`;
  }
  return `<${name}>${xmlEscape(String(value))}</${name}>`;
}

export function soapEnvelope(inner: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="${SOAP_ENV}" xmlns="urn:partner.soap.sforce.com" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soapenv:Body>${inner}</soapenv:Body></soapenv:Envelope>`;
}

/**
 * A SOAP fault. API faults use `sf:<CODE>` (jsforce refreshes only on
 * `<faultcode>sf:INVALID_SESSION_ID</faultcode>`); malformed requests use `soapenv:Client`.
 */
export function soapFault(faultcode: string, message: string): string {
  const code = faultcode.includes(":") ? faultcode : `sf:${faultcode}`;
  const exception = code.startsWith("sf:") ? code.slice(3) : null;
  const faultstring = exception ? `${exception}: ${message}` : message;
  const detail = exception
    ? `<detail><sf:UnexpectedErrorFault xsi:type="sf:UnexpectedErrorFault"><sf:exceptionCode>${xmlEscape(exception)}</sf:exceptionCode><sf:exceptionMessage>${xmlEscape(message)}</sf:exceptionMessage></sf:UnexpectedErrorFault></detail>`
    : "";
  return `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="${SOAP_ENV}" xmlns:sf="urn:fault.partner.soap.sforce.com" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soapenv:Body><soapenv:Fault><faultcode>${xmlEscape(code)}</faultcode><faultstring>${xmlEscape(faultstring)}</faultstring>${detail}</soapenv:Fault></soapenv:Body></soapenv:Envelope>`;
}
