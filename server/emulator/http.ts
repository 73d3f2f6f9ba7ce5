import type { IncomingMessage } from "node:http";
import { jsonParserError, SfError, toSfError } from "./org/errors";

export interface Req {
  method: string;
  url: URL;
  path: string;
  headers: IncomingMessage["headers"];
  body: string;
}

export interface Res {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export const JSON_TYPE = "application/json;charset=UTF-8";
const MAX_BODY = 64 * 1024 * 1024;

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new SfError(413, "REQUEST_ENTITY_TOO_LARGE", "Request body too large"));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Res {
  return {
    status,
    headers: { "Content-Type": JSON_TYPE, ...headers },
    body: body === undefined ? "" : JSON.stringify(body),
  };
}

export function text(status: number, body: string, contentType: string, headers: Record<string, string> = {}): Res {
  return { status, headers: { "Content-Type": contentType, ...headers }, body };
}

/** REST errors are always an array of `{message, errorCode[, fields]}`. */
export function errorResponse(err: unknown): Res {
  const e = toSfError(err);
  return json(e.status, [e.toRestBody()]);
}

/** Parses a JSON request body; malformed JSON is Salesforce's JSON_PARSER_ERROR. */
export function parseJson(body: string): unknown {
  if (body.trim() === "") throw jsonParserError("No content to map to Object due to end of input");
  try {
    return JSON.parse(body);
  } catch (err) {
    const detail = err instanceof Error ? err.message : "invalid JSON";
    throw jsonParserError(`Unexpected character in JSON body: ${detail}`);
  }
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function header(req: Req, name: string): string | undefined {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

export function parseForm(body: string): URLSearchParams {
  return new URLSearchParams(body);
}
