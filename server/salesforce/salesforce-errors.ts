import { isAppError, SalesforceError } from "@/server/errors";
import { classifySyncError } from "@/server/sync/core/classify-error";

/** Any failure on the way to Salesforce, as the one classified error type. */
export function toSalesforceError(error: unknown): SalesforceError {
  if (error instanceof SalesforceError) return error;
  if (isAppError(error)) {
    return new SalesforceError(
      { salesforceCode: error.code, retryable: false, connectionBroken: false, message: error.message },
      { cause: error },
    );
  }
  const classified = classifySyncError((error ?? {}) as Error);
  return new SalesforceError(
    {
      salesforceCode: classified.code,
      retryable: classified.retryable,
      connectionBroken: classified.connection,
      message: classified.message,
    },
    { cause: error },
  );
}

/** Rejects with a TIMEOUT error when `work` outlives `ms`; the request itself may still land. */
export async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new SalesforceError({
            salesforceCode: "TIMEOUT",
            retryable: true,
            connectionBroken: false,
            message: `Salesforce did not answer within ${Math.round(ms / 1000)} s; the write may or may not have happened.`,
          }),
        ),
      ms,
    );
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
    work.catch(() => undefined);
  }
}
