import { BlockList, isIP } from "node:net";
import type { TEnv } from "@/server/env";
import { normalizeAddress, readPeerAddress } from "@/server/http/peer-address";

/** The bucket for clients whose address Tandem cannot tell: they all share it. */
export const UNKNOWN_CLIENT = "unknown";

type TClientAddressEnv = Pick<TEnv, "VERCEL" | "TANDEM_TRUSTED_PROXIES">;

const proxyLists = new Map<string, BlockList>();

function trustedProxies(entries: string[]): BlockList {
  const cacheKey = entries.join(",");
  let list = proxyLists.get(cacheKey);
  if (!list) {
    list = new BlockList();
    for (const entry of entries) {
      const [address = "", prefix] = entry.split("/");
      const family = isIP(address) === 6 ? "ipv6" : "ipv4";
      if (prefix === undefined) list.addAddress(normalizeAddress(address), family);
      else list.addSubnet(address, Number(prefix), family);
    }
    proxyLists.set(cacheKey, list);
  }
  return list;
}

function isTrusted(list: BlockList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 6 ? "ipv6" : "ipv4");
}

function firstListed(value: string | null): string | null {
  const first = value?.split(",")[0]?.trim();
  return first && isIP(normalizeAddress(first)) ? normalizeAddress(first) : null;
}

/**
 * Who is signing in, for throttling. A header the client can write itself is believed only when
 * someone we trust wrote it: Vercel's edge on Vercel (`x-vercel-forwarded-for`, `x-real-ip`), or a
 * proxy from TANDEM_TRUSTED_PROXIES that opened the connection (`x-forwarded-for`, read from the
 * right: each trusted hop appends the address it saw). Otherwise the socket's address; without
 * one, every client shares the "unknown" bucket.
 */
export function clientAddress(
  headers: Headers,
  env: TClientAddressEnv,
  peer: string | null = readPeerAddress(headers),
): string {
  if (env.VERCEL) {
    return (
      firstListed(headers.get("x-vercel-forwarded-for")) ?? firstListed(headers.get("x-real-ip")) ?? UNKNOWN_CLIENT
    );
  }
  const proxies = env.TANDEM_TRUSTED_PROXIES?.length ? trustedProxies(env.TANDEM_TRUSTED_PROXIES) : null;
  if (peer && proxies && isTrusted(proxies, peer)) {
    const hops = (headers.get("x-forwarded-for") ?? "")
      .split(",")
      .map((hop) => normalizeAddress(hop))
      .filter(Boolean);
    for (const hop of hops.reverse()) {
      if (!isIP(hop)) break;
      if (!isTrusted(proxies, hop)) return hop;
    }
  }
  return peer ?? UNKNOWN_CLIENT;
}
