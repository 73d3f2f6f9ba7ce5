import "server-only";
import { headers } from "next/headers";
import { getEnv, type TEnv } from "@/server/env";

/** The public origin of this Tandem (for OAuth and outbound-message URLs): AUTH_URL, else the request's. */
export async function getRequestOrigin(env: TEnv = getEnv()): Promise<string> {
  if (env.AUTH_URL) return new URL(env.AUTH_URL).origin;
  const list = await headers();
  const host = list.get("x-forwarded-host") ?? list.get("host") ?? "localhost:3000";
  const proto =
    list.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto.split(",")[0]}://${host.split(",")[0]}`;
}
