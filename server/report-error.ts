import { randomUUID } from "node:crypto";
import { log } from "@/server/log";

export type TReportedError = { errorId: string; message: string };

/**
 * For errors nobody planned for: the details (message, stack, cause) go to the server log under
 * a fresh id, and the person sees one plain sentence with that id, which an operator can search for.
 */
export function reportUnexpectedError(label: string, error: unknown): TReportedError {
  const errorId = randomUUID();
  log.error("error.unexpected", { label, errorId, err: error });
  return { errorId, message: `Something went wrong on the server (error id ${errorId}).` };
}
