import { XMLParser, XMLValidator } from "fast-xml-parser";
import { z } from "zod";

/**
 * Salesforce outbound-message envelopes (SOAP 1.1, one object type per envelope, up to 100
 * notifications). DTDs and entities are refused before parsing and never expanded: an
 * envelope has no use for them and they are the classic XML attack surface.
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

export class OutboundEnvelopeError extends Error {}

/** A notification's fields sit 6 levels deep; anything far deeper is hostile. */
export const MAX_ENVELOPE_DEPTH = 32;

/**
 * The deepest element nesting of an XML text, counted by one linear scan without building a tree
 * (a body nested tens of thousands deep must not overflow a parser's stack). Stops past `limit`.
 */
export function nestingDepth(xml: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  for (const match of xml.matchAll(/<(\/?)[^!?>][^>]*?(\/?)>/g)) {
    if (match[1]) depth -= 1;
    else if (!match[2]) {
      depth += 1;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) break;
    }
  }
  return deepest;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  removeNSPrefix: true,
  processEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => name === "Notification",
});

const ZId = z.string().regex(/^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/);
const ZNotificationsSchema = z.object({
  OrganizationId: ZId,
  ActionId: z.string().min(1),
  SessionId: z.union([z.string(), z.object({}).loose()]).optional(),
  Notification: z
    .array(z.object({ Id: z.string().min(1), sObject: z.record(z.string(), z.unknown()) }))
    .min(1)
    .max(100),
});

export function parseOutboundEnvelope(body: string): TOutboundEnvelope {
  if (/<!DOCTYPE|<!ENTITY/i.test(body))
    throw new OutboundEnvelopeError("DTDs and entities are not accepted in outbound messages.");
  if (nestingDepth(body, MAX_ENVELOPE_DEPTH) > MAX_ENVELOPE_DEPTH) {
    throw new OutboundEnvelopeError(
      `The body nests elements deeper than ${MAX_ENVELOPE_DEPTH} levels; an outbound message never does.`,
    );
  }
  let document: { Envelope?: { Body?: { notifications?: unknown } } };
  try {
    if (XMLValidator.validate(body) !== true) throw new OutboundEnvelopeError("The body is not well-formed XML.");
    document = parser.parse(body) as typeof document;
  } catch (error) {
    // Whatever the parser chokes on is the sender's fault: a 400, never a 5xx.
    if (error instanceof OutboundEnvelopeError) throw error;
    throw new OutboundEnvelopeError("The body is not well-formed XML.");
  }
  const parsed = ZNotificationsSchema.safeParse(document.Envelope?.Body?.notifications);
  if (!parsed.success)
    throw new OutboundEnvelopeError("The body is not a Salesforce outbound-message notifications envelope.");
  const notifications = parsed.data.Notification.map((notification) => {
    const { "@type": type, ...values } = notification.sObject as Record<string, unknown>;
    const object = typeof type === "string" ? type.replace(/^.*:/, "") : "";
    const fields: Record<string, string> = {};
    for (const [key, value] of Object.entries(values)) {
      if (key.startsWith("@")) continue;
      if (typeof value === "string") fields[key] = value;
    }
    const sfId = fields.Id;
    if (!object || !sfId || !ZId.safeParse(sfId).success)
      throw new OutboundEnvelopeError("A notification has no sObject type or Id.");
    return { notificationId: notification.Id, object, sfId, fields };
  });
  const session = parsed.data.SessionId;
  return {
    organizationId: parsed.data.OrganizationId,
    actionId: parsed.data.ActionId,
    sessionId: typeof session === "string" && session ? session : null,
    notifications,
  };
}

/** The exact acknowledgement Salesforce requires; one Ack covers every notification in the envelope. */
export const OUTBOUND_ACK =
  '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"> <soapenv:Body> <notificationsResponse xmlns="http://soap.sforce.com/2005/09/outbound"> <Ack>true</Ack> </notificationsResponse> </soapenv:Body> </soapenv:Envelope>';

/** Org Ids compare on their case-sensitive 15-character form (the 18-character form adds a checksum). */
export function sameOrg(a: string, b: string): boolean {
  return a.slice(0, 15) === b.slice(0, 15);
}
