import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptToken, deriveTokenKey, encryptToken } from "./token-cipher";

describe("token cipher", () => {
  const key = deriveTokenKey({ AUTH_SECRET: "secret-one" });

  it("round-trips and never stores the token in clear", () => {
    const sealed = encryptToken("5Aep861refresh", key);
    expect(sealed).not.toContain("5Aep861refresh");
    expect(sealed.startsWith("v1.")).toBe(true);
    expect(decryptToken(sealed, key)).toBe("5Aep861refresh");
  });

  it("uses a fresh IV each time", () => {
    expect(encryptToken("same", key)).not.toBe(encryptToken("same", key));
  });

  it("says what to do when the secret changed", () => {
    const sealed = encryptToken("token", key);
    expect(() => decryptToken(sealed, deriveTokenKey({ AUTH_SECRET: "secret-two" }))).toThrow(/Reconnect Salesforce/);
  });

  it("detects tampering", () => {
    const sealed = encryptToken("token", key);
    const parts = sealed.split(".");
    parts[3] = Buffer.from("forged").toString("base64url");
    expect(() => decryptToken(parts.join("."), key)).toThrow();
  });

  it("prefers a dedicated key and validates its length", () => {
    const dedicated = randomBytes(32).toString("base64");
    expect(deriveTokenKey({ TANDEM_ENCRYPTION_KEY: dedicated, AUTH_SECRET: "x" })).toEqual(
      Buffer.from(dedicated, "base64"),
    );
    expect(() => deriveTokenKey({ TANDEM_ENCRYPTION_KEY: "short" })).toThrow(/32 bytes/);
    expect(() => deriveTokenKey({})).toThrow(/AUTH_SECRET/);
  });
});
