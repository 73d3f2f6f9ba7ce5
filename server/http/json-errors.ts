import { isAppError } from "@/server/errors";
import { reportUnexpectedError } from "@/server/report-error";

export type TJsonError = { ok: false; error: string; errorId: string };

/**
 * Wraps a route handler so an unexpected throw answers JSON, never an empty 500:
 * `{ ok: false, error, errorId }`. The details go to the server log under the same id, so an
 * operator can find them; the answer itself carries no stack or internal message.
 */
export function withJsonErrors<TArgs extends unknown[]>(
  label: string,
  handler: (...args: TArgs) => Promise<Response>,
): (...args: TArgs) => Promise<Response> {
  return async (...args) => {
    try {
      return await handler(...args);
    } catch (error) {
      return jsonErrorResponse(label, error);
    }
  };
}

export function jsonErrorResponse(label: string, error: unknown): Response {
  const reported = reportUnexpectedError(label, error);
  const status = isAppError(error) ? error.status : 500;
  const message = isAppError(error) ? error.message : reported.message;
  const body: TJsonError = { ok: false, error: message, errorId: reported.errorId };
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}
