/**
 * The seam between HTTP and Tandem's logic. Every procedure gets the database and the signed-in
 * user from the context; `protectedProcedure` refuses a missing session and `adminProcedure` a
 * member. AppErrors thrown below become tRPC errors here and nowhere else.
 */
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import type { TDatabase } from "@/db/client";
import type { TSessionUser } from "@/server/auth/session";
import { AppError } from "@/server/errors";

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

const t = initTRPC.context<TContext>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const zodError = error.cause instanceof ZodError ? z.flattenError(error.cause) : null;
    const appCode = error.cause instanceof AppError ? error.cause.code : null;
    // Validation errors name the field and what is wrong with it, as plain sentences.
    const message = zodError
      ? Object.entries(zodError.fieldErrors)
          .map(([field, problems]) => `${field}: ${(problems as string[]).join(" ")}`)
          .concat(zodError.formErrors)
          .join("; ") || shape.message
      : shape.message;
    return { ...shape, message, data: { ...shape.data, stack: undefined, zodError, appCode } };
  },
});

export const createCallerFactory = t.createCallerFactory;
export const createTRPCRouter = t.router;

const appErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: TRPC_CODE_BY_APP_CODE[cause.code], message: cause.message, cause });
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
