import { describe, expect, it } from "vitest";
import { readEnv, type TEnv } from "@/server/env";
import { clientAddress, UNKNOWN_CLIENT } from "./client-address";

const direct = readEnv({});
const behindProxy = readEnv({ TANDEM_TRUSTED_PROXIES: "10.0.0.2, 192.168.50.0/24" });
const onVercel = readEnv({ VERCEL: "1" });

type TCase = { name: string; env: TEnv; headers: Record<string, string>; peer: string | null; expected: string };

describe("the client address sign-in throttling keys by", () => {
  it.each<TCase>([
    {
      name: "a spoofed X-Forwarded-For is ignored without a trusted proxy",
      env: direct,
      headers: { "x-forwarded-for": "203.0.113.7" },
      peer: "198.51.100.2",
      expected: "198.51.100.2",
    },
    {
      name: "without a trusted proxy or a socket address, clients share one bucket",
      env: direct,
      headers: { "x-forwarded-for": "203.0.113.7", "x-real-ip": "203.0.113.8" },
      peer: null,
      expected: UNKNOWN_CLIENT,
    },
    {
      name: "a trusted proxy's X-Forwarded-For names the client, read from the right",
      env: behindProxy,
      headers: { "x-forwarded-for": "203.0.113.7, 198.51.100.9" },
      peer: "10.0.0.2",
      expected: "198.51.100.9",
    },
    {
      name: "trusted hops in the chain are skipped (CIDR range)",
      env: behindProxy,
      headers: { "x-forwarded-for": "198.51.100.9, 192.168.50.17" },
      peer: "::ffff:10.0.0.2",
      expected: "198.51.100.9",
    },
    {
      name: "X-Forwarded-For from a connection that is not a trusted proxy is ignored",
      env: behindProxy,
      headers: { "x-forwarded-for": "203.0.113.7" },
      peer: "198.51.100.2",
      expected: "198.51.100.2",
    },
    {
      name: "a trusted proxy that sent no X-Forwarded-For is the client",
      env: behindProxy,
      headers: {},
      peer: "10.0.0.2",
      expected: "10.0.0.2",
    },
    {
      name: "Vercel's own header on Vercel",
      env: onVercel,
      headers: { "x-vercel-forwarded-for": "203.0.113.7", "x-forwarded-for": "1.2.3.4" },
      peer: "10.0.0.2",
      expected: "203.0.113.7",
    },
    {
      name: "x-real-ip on Vercel when Vercel's header is missing",
      env: onVercel,
      headers: { "x-real-ip": "203.0.113.8" },
      peer: null,
      expected: "203.0.113.8",
    },
    {
      name: "Vercel's headers are ignored off Vercel",
      env: direct,
      headers: { "x-vercel-forwarded-for": "203.0.113.7", "x-real-ip": "203.0.113.8" },
      peer: "198.51.100.2",
      expected: "198.51.100.2",
    },
  ])("$name", ({ env, headers, peer, expected }) => {
    expect(clientAddress(new Headers(headers), env, peer)).toBe(expected);
  });

  it.each(["*", "10.0.0.2,*", "not-an-ip", "10.0.0.0/33"])("refuses TANDEM_TRUSTED_PROXIES=%j", (value) => {
    expect(() => readEnv({ TANDEM_TRUSTED_PROXIES: value })).toThrow(/TANDEM_TRUSTED_PROXIES/);
  });
});
