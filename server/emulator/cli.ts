import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { getEnv } from "@/server/env";
import { startEmulator } from "./index";

/** `npm run emulator -- --port 4010 --seed demo|empty [--data FILE] [--no-enhanced-notes]` */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: "4010" },
      seed: { type: "string", default: "demo" },
      data: { type: "string" },
      host: { type: "string", default: "127.0.0.1" },
      "client-id": { type: "string" },
      "client-secret": { type: "string" },
      "token-ttl": { type: "string" },
      "daily-limit": { type: "string" },
      "outbound-endpoint": { type: "string" },
      "outbound-max-backoff": { type: "string" },
      "no-enhanced-notes": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(
      "Usage: emulator [--port 4010] [--seed demo|empty] [--data FILE] [--host 127.0.0.1]\n" +
        "                [--client-id ID] [--client-secret SECRET] [--token-ttl SECONDS] [--daily-limit N]\n" +
        "                [--outbound-endpoint URL]   (where the demo org's inactive outbound-message rules point)\n" +
        "                [--outbound-max-backoff MS] (longest wait between deliveries of an unacknowledged message)\n" +
        "                [--no-enhanced-notes]       (an org without ContentNote and ContentDocumentLink)",
    );
    return;
  }
  if (values.seed !== "demo" && values.seed !== "empty")
    throw new Error(`--seed must be demo or empty, not ${values.seed}`);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be a port number, not ${values.port}`);
  const maxBackoff = values["outbound-max-backoff"] === undefined ? undefined : Number(values["outbound-max-backoff"]);
  if (maxBackoff !== undefined && !(Number.isInteger(maxBackoff) && maxBackoff >= 10))
    throw new Error(
      `--outbound-max-backoff must be a number of milliseconds (10 or more), not ${values["outbound-max-backoff"]}`,
    );
  const restored = values.data !== undefined && existsSync(values.data);
  const started = performance.now();
  const env = getEnv();
  const emu = await startEmulator({
    port,
    seed: values.seed,
    dataFile: values.data,
    host: values.host,
    clientId: values["client-id"] ?? env.SALESFORCE_CLIENT_ID,
    clientSecret: values["client-secret"] ?? env.SALESFORCE_CLIENT_SECRET,
    tokenTtlSeconds: values["token-ttl"] ? Number(values["token-ttl"]) : undefined,
    dailyApiLimit: values["daily-limit"] ? Number(values["daily-limit"]) : undefined,
    outboundEndpoint: values["outbound-endpoint"],
    outboundTiming:
      maxBackoff === undefined
        ? undefined
        : { initialBackoffMs: Math.min(2_000, maxBackoff), maxBackoffMs: maxBackoff },
    enhancedNotes: !values["no-enhanced-notes"],
  });
  const origin = restored ? `org restored from ${values.data}` : `${values.seed} org`;
  console.log(
    `Salesforce emulator listening on ${emu.url} (${origin}, ready in ${Math.round(performance.now() - started)} ms)`,
  );
  console.log(`  login and instance URL: ${emu.url}`);
  console.log(`  client id:              ${emu.clientId}`);
  console.log(`  client secret:          ${emu.clientSecret}`);
  console.log(`  org id:                 ${emu.orgId}`);
  if (values.data) console.log(`  data file:              ${values.data}`);
  console.log(`  admin API:              ${emu.url}/__emulator/ (POST tokens for a token without a browser)`);
  const shutdown = () => {
    void emu.stop().then(() => process.exit(0));
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
