import { OutboundEnvelopeError, readXmlDocument, trimXmlWhitespace, type TXmlElement } from "./outbound-xml";

/**
 * Salesforce outbound-message envelopes (SOAP 1.1, one object type per envelope, up to 100
 * notifications). DTDs and entities are refused before parsing and never expanded: an
 * envelope has no use for them and they are the classic XML attack surface. The envelope is read
 * by namespace, as the WSDL defines it, so only a notifications envelope is taken for one; element
 * order, prefixes and unknown extra elements do not matter.
 */
export const MAX_ENVELOPE_BYTES = 1024 * 1024;

export type TOutboundNotification = {
  notificationId: string;
  object: string;
  sfId: string;
  fields: Record<string, string>;
};
export type TOutboundEnvelope = {
  organizationId: string;
  actionId: string;
  sessionId: string | null;
  notifications: TOutboundNotification[];
};

export { nestingDepth, OutboundEnvelopeError } from "./outbound-xml";

/** A notification's fields sit 6 levels deep; anything far deeper is hostile. */
export const MAX_ENVELOPE_DEPTH = 32;
const MAX_NOTIFICATIONS = 100;

const SOAP_ENVELOPE = "http://schemas.xmlsoap.org/soap/envelope/";
const OUTBOUND = "http://soap.sforce.com/2005/09/outbound";
const XSI = "http://www.w3.org/2001/XMLSchema-instance";

const ID = /^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/;
/** Object and field API names: `Contact`, `Custom_Field__c`, `ns__Thing__c`. */
const API_NAME = /^[A-Za-z][A-Za-z0-9_]{0,79}$/;

const NOT_NOTIFICATIONS = "The body is not a Salesforce outbound-message notifications envelope.";

export function parseOutboundEnvelope(body: string): TOutboundEnvelope {
  const envelope = readXmlDocument(body, MAX_ENVELOPE_DEPTH);
  if (envelope.namespace !== SOAP_ENVELOPE || envelope.name !== "Envelope") {
    throw new OutboundEnvelopeError(`${NOT_NOTIFICATIONS} Its root is not a SOAP 1.1 Envelope (${SOAP_ENVELOPE}).`);
  }
  const notifications = single(single(envelope, SOAP_ENVELOPE, "Body"), OUTBOUND, "notifications");
  const items = notifications.children.filter((child) => is(child, OUTBOUND, "Notification"));
  if (items.length === 0 || items.length > MAX_NOTIFICATIONS) {
    throw new OutboundEnvelopeError(
      `An envelope holds 1 to ${MAX_NOTIFICATIONS} notifications; this one has ${items.length}.`,
    );
  }
  const session = optional(notifications, OUTBOUND, "SessionId");
  const sessionId = session && !isNil(session) ? trimXmlWhitespace(session.text) : "";
  return {
    organizationId: idOf(single(notifications, OUTBOUND, "OrganizationId")),
    actionId: idOf(single(notifications, OUTBOUND, "ActionId")),
    sessionId: sessionId || null,
    notifications: items.map(readNotification),
  };
}

function readNotification(item: TXmlElement): TOutboundNotification {
  const sObject = single(item, OUTBOUND, "sObject");
  const type = sObject.attributes.find((attribute) => attribute.namespace === XSI && attribute.name === "type");
  // xsi:type is a QName (`sf:Contact`): the object is its local part.
  const object = type ? type.value.trim().replace(/^[^:]*:/, "") : "";
  if (!API_NAME.test(object))
    throw new OutboundEnvelopeError("A notification's sObject has no xsi:type naming its object.");
  const fields: Record<string, string> = {};
  const seen = new Set<string>();
  for (const field of sObject.children) {
    // fieldsToNull may repeat (the sObject type allows it); outbound messages leave it out.
    if (field.name === "fieldsToNull") continue;
    if (!API_NAME.test(field.name))
      throw new OutboundEnvelopeError("A notification has a field whose name is not a Salesforce field name.");
    if (seen.has(field.name)) throw new OutboundEnvelopeError(`A notification repeats its field ${field.name}.`);
    seen.add(field.name);
    if (field.children.length)
      throw new OutboundEnvelopeError(`A notification's field ${field.name} holds elements, not a value.`);
    // A nil field is null: left out, as Salesforce leaves out the fields that have no value.
    if (isNil(field)) continue;
    fields[field.name] = trimXmlWhitespace(field.text);
  }
  const sfId = fields.Id;
  if (!sfId || !ID.test(sfId)) throw new OutboundEnvelopeError("A notification has no sObject type or Id.");
  return { notificationId: idOf(single(item, OUTBOUND, "Id")), object, sfId, fields };
}

function is(element: TXmlElement, namespace: string, name: string): boolean {
  return element.namespace === namespace && element.name === name;
}

function optional(parent: TXmlElement, namespace: string, name: string): TXmlElement | undefined {
  const found = parent.children.filter((child) => is(child, namespace, name));
  if (found.length > 1) throw new OutboundEnvelopeError(`${NOT_NOTIFICATIONS} It has more than one ${name}.`);
  return found[0];
}

function single(parent: TXmlElement, namespace: string, name: string): TXmlElement {
  const found = optional(parent, namespace, name);
  if (!found) throw new OutboundEnvelopeError(`${NOT_NOTIFICATIONS} ${parent.name} has no ${name} (${namespace}).`);
  return found;
}

function isNil(element: TXmlElement): boolean {
  const nil = element.attributes.find((attribute) => attribute.namespace === XSI && attribute.name === "nil");
  return nil !== undefined && (nil.value.trim() === "true" || nil.value.trim() === "1");
}

/** A Salesforce Id (15 or 18 letters and digits), with no element inside. */
function idOf(element: TXmlElement): string {
  const value = trimXmlWhitespace(element.text);
  if (element.children.length || !ID.test(value)) {
    throw new OutboundEnvelopeError(`${NOT_NOTIFICATIONS} Its ${element.name} is not a Salesforce Id.`);
  }
  return value;
}

/** The exact acknowledgement Salesforce requires; one Ack covers every notification in the envelope. */
export const OUTBOUND_ACK =
  '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"> <soapenv:Body> <notificationsResponse xmlns="http://soap.sforce.com/2005/09/outbound"> <Ack>true</Ack> </notificationsResponse> </soapenv:Body> </soapenv:Envelope>';

/** Org Ids compare on their case-sensitive 15-character form (the 18-character form adds a checksum). */
export function sameOrg(a: string, b: string): boolean {
  return a.slice(0, 15) === b.slice(0, 15);
}
