import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";

/**
 * Next.js does not give route handlers or server actions the socket's address. Its own
 * `x-forwarded-for` holds it only when the client sent no such header, so it cannot be believed.
 * Node publishes every incoming request on a diagnostics channel before Next sees it: there we
 * write the socket's address into a header of our own, replacing whatever a client sent in it.
 */
const PEER_HEADER = "x-tandem-peer-address";
const RECORDING = Symbol.for("tandem.peer-address.recording");

type TRequestStart = { request: IncomingMessage; socket: Socket };
type TGlobalFlag = { [RECORDING]?: boolean };

/** IPv4 clients of a dual-stack server appear as ::ffff:a.b.c.d; compare them as a.b.c.d. */
export function normalizeAddress(address: string): string {
  const trimmed = address.trim();
  return /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(trimmed) ? trimmed.slice(7) : trimmed.toLowerCase();
}

/** Called once when the server starts (instrumentation.ts). */
export function recordPeerAddresses(): void {
  const flag = globalThis as TGlobalFlag;
  if (flag[RECORDING]) return;
  subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as TRequestStart;
    const address = socket.remoteAddress;
    if (address) request.headers[PEER_HEADER] = normalizeAddress(address);
    else delete request.headers[PEER_HEADER];
  });
  flag[RECORDING] = true;
}

/**
 * The address of whoever opened the connection (a client, or the proxy in front of Tandem); null
 * when this process does not record it, since the header is then the client's own word.
 */
export function readPeerAddress(headers: Headers): string | null {
  if (!(globalThis as TGlobalFlag)[RECORDING]) return null;
  return headers.get(PEER_HEADER) || null;
}
