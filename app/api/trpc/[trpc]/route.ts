import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createContext } from "@/server/api/context";
import { appRouter } from "@/server/api/root";
import { capRequestBody } from "@/server/http/cap-request-body";

/** The largest input is a CSV import of up to 10 MB; JSON's escaping and the batch envelope add some. */
const MAX_BODY_BYTES = 11 * 1024 * 1024;

function tooLarge() {
  return new TRPCError({
    code: "PAYLOAD_TOO_LARGE",
    message: "This request is larger than 11 MB. Split the file into smaller files and import each one.",
  });
}

function handler(req: Request) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: capRequestBody(req, MAX_BODY_BYTES, tooLarge),
    router: appRouter,
    createContext,
  });
}

export { handler as GET, handler as POST };
