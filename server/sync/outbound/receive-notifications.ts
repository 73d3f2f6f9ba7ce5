import type { TDatabase } from "@/db/client";
import { outboundNotifications } from "@/db/schema";
import { log } from "@/server/log";
import { getConnectionRow } from "@/server/salesforce/connection-store";
import {
  OUTBOUND_ACK,
  OutboundEnvelopeError,
  parseOutboundEnvelope,
  sameOrg,
} from "@/server/salesforce/outbound-parser";
import { writeSetting } from "@/server/settings/settings-store";
import { SYNC_OBJECTS } from "../core/sync-objects";
import { isOutboundToken } from "./outbound-token";
import { readEnvelopeBody } from "./read-envelope-body";

export type TReceiveResult = { status: number; body: string; contentType: string; stored: number };

const SOAP = "text/xml; charset=utf-8";
const fault = (status: number, message: string): TReceiveResult => {
  log.info("outbound.refused", { status, reason: message.slice(0, 200) });
  return {
    status,
    body: `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><soapenv:Fault><faultcode>soapenv:Client</faultcode><faultstring>${escapeXml(message)}</faultstring></soapenv:Fault></soapenv:Body></soapenv:Envelope>`,
    contentType: SOAP,
    stored: 0,
  };
};

/** A refusal's reason may quote the body (an element's name): it is escaped like any XML text. */
function escapeXml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

/**
 * First stage of an outbound message: check the path token and the org, store each notification
 * under its Notification Id (a redelivery is a no-op), and acknowledge only once stored.
 * Applying the records happens after the answer (applyPendingNotifications).
 */
export async function receiveNotifications(
  db: TDatabase,
  input: { token: string; body: string | Request; now: number },
): Promise<TReceiveResult> {
  const started = performance.now();
  // The token is checked before the body is read: a stranger cannot make Tandem read a megabyte.
  if (!(await isOutboundToken(db, input.token)))
    return fault(401, "Unknown outbound-message URL. Copy the URL from Tandem's Setup again.");
  const body =
    typeof input.body === "string" ? { ok: true as const, text: input.body } : await readEnvelopeBody(input.body);
  if (!body.ok) return fault(body.status, body.reason);
  let envelope;
  try {
    envelope = parseOutboundEnvelope(body.text);
  } catch (error) {
    if (error instanceof OutboundEnvelopeError) return fault(400, error.message);
    throw error;
  }
  const connection = await getConnectionRow(db);
  if (!connection || !sameOrg(envelope.organizationId, connection.orgId)) {
    return fault(403, "This message comes from an org Tandem is not connected to.");
  }
  const synced = new Set<string>(SYNC_OBJECTS);
  const inserted = await db
    .insert(outboundNotifications)
    .values(
      envelope.notifications.map((notification) => ({
        notificationId: notification.notificationId,
        object: notification.object,
        sfId: notification.sfId,
        systemModstamp: notification.fields.SystemModstamp ?? null,
        payload: notification.fields,
        receivedAt: input.now,
        status: synced.has(notification.object) ? ("pending" as const) : ("failed" as const),
        error: synced.has(notification.object)
          ? null
          : `Tandem does not sync ${notification.object}; remove it from the outbound message.`,
      })),
    )
    .onConflictDoNothing({ target: outboundNotifications.notificationId })
    .returning({ id: outboundNotifications.notificationId });
  await writeSetting(db, "outbound.lastReceived", {
    at: input.now,
    object: envelope.notifications[0]?.object ?? null,
    notifications: envelope.notifications.length,
    newlyStored: inserted.length,
  });
  log.info("outbound.received", {
    orgId: connection.orgId,
    object: envelope.notifications[0]?.object ?? null,
    notifications: envelope.notifications.length,
    stored: inserted.length,
    duplicates: envelope.notifications.length - inserted.length,
    durationMs: Math.round(performance.now() - started),
  });
  return { status: 200, body: OUTBOUND_ACK, contentType: SOAP, stored: inserted.length };
}
