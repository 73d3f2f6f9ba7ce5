import pino, { type DestinationStream, type LevelWithSilent, type Logger } from "pino";
import { getEnv, type TEnv } from "@/server/env";

/**
 * What a log line is about: one name per kind of line, so an operator can filter on `event`.
 * `sync.tick`, `push.batch`, `outbound.received` and `outbound.applied` are one line per unit of work.
 */
export type TLogEvent =
  | "sync.tick"
  | "sync.tick_busy"
  | "sync.tick_not_recorded"
  | "sync.duplicates_check_failed"
  | "sync.unexpected_error"
  | "push.batch"
  | "push.after_write_failed"
  | "outbound.received"
  | "outbound.refused"
  | "outbound.rate_limited"
  | "outbound.applied"
  | "outbound.left_pending"
  | "error.unexpected";

export type TLogFields = Record<string, unknown>;

export const REDACTED = "[redacted]";

/**
 * Keys whose values are never written, at the top of a line and three levels down (arrays count
 * as a level). A backstop only: callers pass counts and ids, never connection rows, request
 * headers or bodies.
 */
const SECRET_KEYS = [
  "token",
  "accessToken",
  "access_token",
  "refreshToken",
  "refresh_token",
  "idToken",
  "id_token",
  "authToken",
  "outboundToken",
  "setupToken",
  "sessionId",
  "SessionId",
  "secret",
  "clientSecret",
  "client_secret",
  "authSecret",
  "password",
  "newPassword",
  "passwordHash",
  "authorization",
  "Authorization",
  "cookie",
  "Cookie",
  "set-cookie",
];
const REDACT_PATHS = SECRET_KEYS.flatMap((key) => {
  const step = /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `["${key}"]`;
  return ["", "*", "*.*", "*.*.*"].map((prefix) => (prefix ? `${prefix}${step}` : step.replace(/^\./, "")));
});

/** The environment's secrets: scrubbed from every line, whatever field or message carries them. */
const SECRET_ENV: ReadonlyArray<keyof TEnv> = [
  "AUTH_SECRET",
  "CRON_SECRET",
  "DATABASE_AUTH_TOKEN",
  "SALESFORCE_CLIENT_SECRET",
  "SALESFORCE_REFRESH_TOKEN",
  "SALESFORCE_OUTBOUND_TOKEN",
  "TANDEM_ENCRYPTION_KEY",
  "TANDEM_SETUP_TOKEN",
  "TANDEM_DEMO_CLIENT_SECRET",
];

function secretsOf(env: TEnv): string[] {
  return SECRET_ENV.map((name) => env[name])
    .filter((value): value is string => typeof value === "string" && value.length >= 8)
    .map((value) => JSON.stringify(value).slice(1, -1));
}

/**
 * A failed database query's error names the statement and then every value bound to it (a row's
 * names, emails, sealed tokens): the statement stays, the values do not.
 */
function withoutQueryParameters(text: string): string {
  return text.replace(/\nparams: [\s\S]*?(?=\n {4}at |$)/, "\nparams: (omitted)");
}

/**
 * An error as a line carries it: its type, message, stack, code and causes. Never its other
 * properties: a client library's error can hold the request it sent, headers and tokens included.
 */
function serializeError(value: unknown, depth = 0): Record<string, unknown> {
  if (!(value instanceof Error)) return { type: typeof value, message: typeof value === "string" ? value : "" };
  const { code, salesforceCode } = value as { code?: unknown; salesforceCode?: unknown };
  return {
    type: value.name,
    message: withoutQueryParameters(value.message),
    ...(typeof code === "string" ? { code } : {}),
    ...(typeof salesforceCode === "string" ? { salesforceCode } : {}),
    stack: value.stack === undefined ? undefined : withoutQueryParameters(value.stack),
    ...(value.cause !== undefined && depth < 3 ? { cause: serializeError(value.cause, depth + 1) } : {}),
  };
}

/**
 * A logger writing one JSON object per line to `destination`, synchronously and in this thread:
 * no transport, no worker, so it works the same in Next's server, a serverless function that is
 * frozen after its answer, and the CLI.
 */
export function createLogger(options: {
  destination: DestinationStream;
  level: LevelWithSilent;
  secrets?: readonly string[];
}): Logger {
  const secrets = options.secrets ?? [];
  return pino(
    {
      level: options.level,
      redact: { paths: REDACT_PATHS, censor: REDACTED },
      // Errors given to `log` arrive serialized already; this catches those given to pino directly.
      serializers: { err: (error: unknown) => (error instanceof Error ? serializeError(error) : error) },
      formatters: { level: (label) => ({ level: label }) },
      timestamp: pino.stdTimeFunctions.isoTime,
      hooks: {
        streamWrite: (line) => secrets.reduce((scrubbed, secret) => scrubbed.replaceAll(secret, REDACTED), line),
      },
    },
    options.destination,
  );
}

/**
 * In Next's server (a constant Next substitutes when it builds the server, like instrumentation.ts
 * reads it) lines go to stdout, where hosts collect them. Elsewhere (the CLI, scripts) they go to
 * stderr: a command's stdout carries only its own output, e.g. `tandem sync --json`.
 */
// eslint-disable-next-line no-restricted-properties -- a build-time constant, not the environment
const IN_NEXT_SERVER = process.env.NEXT_RUNTIME === "nodejs";

/**
 * LOG_LEVEL, else info. Under Vitest (NODE_ENV=test) error: the many ticks and refusals tests
 * provoke on purpose stay out of their output, and unexpected errors still show.
 */
function levelOf(env: TEnv): LevelWithSilent {
  return env.LOG_LEVEL ?? (env.NODE_ENV === "test" ? "error" : "info");
}

let current: Logger | undefined;

/** The process's logger, made on first use (a build that only imports modules never makes it). */
export function getLogger(): Logger {
  if (!current) {
    const env = getEnv();
    current = createLogger({
      destination: pino.destination({ dest: IN_NEXT_SERVER ? 1 : 2, sync: true }),
      level: levelOf(env),
      secrets: secretsOf(env),
    });
  }
  return current;
}

/**
 * Tests: the process's lines go to `destination` (at `level`, with the environment's secrets
 * scrubbed as usual) until the returned function puts the previous logger back.
 */
export function redirectLogs(destination: DestinationStream, level: LevelWithSilent = "info"): () => void {
  const previous = current;
  current = createLogger({ destination, level, secrets: secretsOf(getEnv()) });
  return () => {
    current = previous;
  };
}

const write =
  (level: "debug" | "info" | "warn" | "error") =>
  (event: TLogEvent, fields: TLogFields = {}): void => {
    // Serialized here, not by pino's serializer: pino copies `err.message` to `msg` before that runs.
    const { err, ...rest } = fields;
    getLogger()[level]({ event, ...rest, ...(err === undefined ? {} : { err: serializeError(err) }) });
  };

/** One line per event: `log.info("sync.tick", { tickId, … })`. Errors go under `err`. */
export const log = { debug: write("debug"), info: write("info"), warn: write("warn"), error: write("error") };
