/**
 * The seam between HTTP and Tandem's logic. Every procedure gets the database and the signed-in
 * user from the context; `protectedProcedure` refuses a missing session and `adminProcedure` a
 * member. AppErrors thrown below become tRPC errors here and nowhere else; any other failure
 * reaches the client as one plain sentence with an error id, and its details go to the server log
 * under that id.
 */
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import type { TDatabase } from "@/db/client";
import type { TSessionUser } from "@/server/auth/session";
import { AppError } from "@/server/errors";
import { reportUnexpectedError } from "@/server/report-error";

export type TContext = { db: TDatabase; user: TSessionUser | null };

const TRPC_CODE_BY_APP_CODE = {
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  BAD_REQUEST: "BAD_REQUEST",
  CONFLICT: "CONFLICT",
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS",
  DATABASE_UNAVAILABLE: "SERVICE_UNAVAILABLE",
  DATABASE_NOT_MIGRATED: "SERVICE_UNAVAILABLE",
  SALESFORCE_NOT_CONNECTED: "PRECONDITION_FAILED",
  SALESFORCE_CONNECTION_BROKEN: "PRECONDITION_FAILED",
  SALESFORCE_NOT_CONFIGURED: "PRECONDITION_FAILED",
  SALESFORCE_ERROR: "BAD_GATEWAY",
  SALESFORCE_UNREACHABLE: "BAD_GATEWAY",
  INTERNAL: "INTERNAL_SERVER_ERROR",
} as const satisfies Record<AppError["code"], TRPCError["code"]>;

/** Errors already logged with an id: the formatter must not log them (or rename them) again. */
const reported = new WeakSet<TRPCError>();

function unexpected(label: string, error: TRPCError): TRPCError {
  const { errorId, message } = reportUnexpectedError(label, error.cause ?? error);
  const safe = new TRPCError({ code: "INTERNAL_SERVER_ERROR", message, cause: new UnexpectedError(errorId) });
  reported.add(safe);
  return safe;
}

/** Stands in for the real cause, which stays in the server log. */
class UnexpectedError extends Error {
  constructor(readonly errorId: string) {
    super(`error id ${errorId}`);
    this.name = "UnexpectedError";
  }
}

const t = initTRPC.context<TContext>().create({
  transformer: superjson,
  errorFormatter({ shape, error, path }) {
    // Failures outside a procedure (context, batching) did not pass the middleware below.
    const safe =
      error.code === "INTERNAL_SERVER_ERROR" && !reported.has(error) && !(error.cause instanceof AppError)
        ? unexpected(`trpc ${path ?? "?"}`, error)
        : error;
    const zodError = safe.cause instanceof ZodError ? z.flattenError(safe.cause) : null;
    const appCode = safe.cause instanceof AppError ? safe.cause.code : null;
    const errorId = safe.cause instanceof UnexpectedError ? safe.cause.errorId : null;
    // Validation errors name the field and what is wrong with it, as plain sentences.
    const message = zodError
      ? Object.entries(zodError.fieldErrors)
          .map(([field, problems]) => `${field}: ${(problems as string[]).join(" ")}`)
          .concat(zodError.formErrors)
          .join("; ") || shape.message
      : safe.message;
    return { ...shape, message, data: { ...shape.data, stack: undefined, zodError, appCode, errorId } };
  },
});

export const createCallerFactory = t.createCallerFactory;
export const createTRPCRouter = t.router;

const appErrors = t.middleware(async ({ next, path }) => {
  const result = await next();
  if (result.ok) return result;
  const cause = result.error.cause;
  if (cause instanceof AppError) {
    throw new TRPCError({ code: TRPC_CODE_BY_APP_CODE[cause.code], message: cause.message, cause });
  }
  if (result.error.code === "INTERNAL_SERVER_ERROR" && !reported.has(result.error)) {
    throw unexpected(`trpc ${path}`, result.error);
  }
  return result;
});

const baseProcedure = t.procedure.use(appErrors);

export const protectedProcedure = baseProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  return next({ ctx: { ...ctx, user: ctx.user } });
});

export const adminProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (ctx.user.role !== "admin") {
    throw new TRPCError({ code: "FORBIDDEN", message: "Only admins can do this. Ask an admin of your team." });
  }
  return next({ ctx });
});
