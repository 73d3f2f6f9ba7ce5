import { describe, expect, it } from "vitest";
import { classifySyncError } from "./classify-error";

describe("ERR-3 sync error classification", () => {
  it.each([
    [{ name: "invalid_grant", message: "expired access/refresh token" }, "invalid_grant", false, true],
    [
      { name: "Error", message: "Unable to refresh session due to: expired access/refresh token." },
      "invalid_grant",
      false,
      true,
    ],
    [{ name: "Error", message: "Unable to refresh session due to: fetch failed" }, "NETWORK", true, false],
    [{ errorCode: "REQUEST_LIMIT_EXCEEDED" }, "REQUEST_LIMIT_EXCEEDED", true, false],
    [{ errorCode: "UNABLE_TO_LOCK_ROW" }, "UNABLE_TO_LOCK_ROW", true, false],
    [{ errorCode: "ERROR_HTTP_503" }, "HTTP_503", true, false],
    [{ code: "ECONNREFUSED", message: "connect ECONNREFUSED" }, "NETWORK", true, false],
    [{ message: "fetch failed" }, "NETWORK", true, false],
    [{ errorCode: "INVALID_FIELD", message: "No such column" }, "INVALID_FIELD", false, false],
    [{ errorCode: "SOMETHING_NEW", message: "odd" }, "SOMETHING_NEW", false, false],
  ])("ERR-3: %j is %s", (error, code, retryable, connection) => {
    const result = classifySyncError(error);
    expect(result).toMatchObject({ code, retryable, connection });
    expect(result.message.length).toBeGreaterThan(10);
  });
});
