import type { FieldDef } from "../org/schema";
import { xmlEscape } from "./soap-xml";
import type { Rec, SfValue } from "../org/store";

export interface EnvelopeNotification {
  notificationId: string;
  record: Rec | null;
  recordId: string;
}

export interface EnvelopeInput {
  orgId: string;
  actionId: string;
  sessionId: string | null;
  baseUrl: string;
  apiVersion: string;
  objectName: string;
  fields: FieldDef[];
  notifications: EnvelopeNotification[];
}

/** XSD scalar forms: dateTime with Z, date as is, doubles with a decimal point. */
function soapScalar(f: FieldDef, v: SfValue): string {
  if (f.type === "datetime" && typeof v === "number") return new Date(v).toISOString();
  if ((f.type === "double" || f.type === "currency") && typeof v === "number")
    return Number.isInteger(v) ? `${v}.0` : String(v);
  return String(v);
}

/**
 * The outbound-message envelope exactly as Salesforce sends it: SOAP 1.1, `notifications` in the
 * outbound namespace, one object type per envelope, `sf:Id` first and then the selected fields
 * alphabetically, null fields omitted, `<SessionId xsi:nil="true"/>` when no session is sent.
 */
export function buildEnvelope(input: EnvelopeInput): string {
  const org15 = input.orgId.slice(0, 15);
  const fields = input.fields.filter((f) => f.name !== "Id").sort((a, b) => a.name.localeCompare(b.name));
  const notes = input.notifications
    .map((n) => {
      const values = n.record
        ? fields
            .filter((f) => n.record![f.name] != null)
            .map((f) => `<sf:${f.name}>${xmlEscape(soapScalar(f, n.record![f.name]!))}</sf:${f.name}>`)
            .join("")
        : "";
      return `<Notification><Id>${n.notificationId}</Id><sObject xsi:type="sf:${input.objectName}" xmlns:sf="urn:sobject.enterprise.soap.sforce.com"><sf:Id>${n.recordId}</sf:Id>${values}</sObject></Notification>`;
    })
    .join("");
  const session =
    input.sessionId === null ? `<SessionId xsi:nil="true"/>` : `<SessionId>${xmlEscape(input.sessionId)}</SessionId>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soapenv:Body><notifications xmlns="http://soap.sforce.com/2005/09/outbound"><OrganizationId>${input.orgId}</OrganizationId><ActionId>${input.actionId}</ActionId>${session}<EnterpriseUrl>${xmlEscape(input.baseUrl)}/services/Soap/c/${input.apiVersion}/${org15}</EnterpriseUrl><PartnerUrl>${xmlEscape(input.baseUrl)}/services/Soap/u/${input.apiVersion}/${org15}</PartnerUrl>${notes}</notifications></soapenv:Body></soapenv:Envelope>`;
}

/** Salesforce counts a delivery only on the exact acknowledgement: `<Ack>true</Ack>` in a SOAP body. */
export function isAck(body: string): boolean {
  return (
    /<(?:[\w-]+:)?Envelope[\s>]/.test(body) &&
    /<(?:[\w-]+:)?notificationsResponse[\s>]/.test(body) &&
    /<(?:[\w-]+:)?Ack>\s*true\s*<\/(?:[\w-]+:)?Ack>/.test(body)
  );
}
