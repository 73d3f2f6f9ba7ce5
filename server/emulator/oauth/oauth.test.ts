import { createHash, createHmac } from "node:crypto";
import { Connection, OAuth2 } from "jsforce";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../index";
import { API_VERSION, refreshingConnection } from "../test-helpers";

let emu: RunningEmulator;
let now = Date.UTC(2026, 0, 15, 9, 0, 0);
const REDIRECT = "http://localhost:3000/api/salesforce/oauth/callback";

beforeAll(async () => {
  emu = await startEmulator({ seed: "empty", tokenTtlSeconds: 60, clock: () => now });
});
afterAll(async () => emu.stop());

/** Drives the consent page like a browser: GET the page, POST its form with the chosen button. */
async function consent(params: Record<string, string>, decision: "allow" | "deny"): Promise<URL> {
  const page = await fetch(`${emu.url}/services/oauth2/authorize?${new URLSearchParams(params)}`);
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain(">Allow</button>");
  expect(html).toContain(">Deny</button>");
  const form = new URLSearchParams();
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    form.set(
      m[1]!,
      m[2]!
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&amp;/g, "&"),
    );
  }
  form.set("decision", decision);
  const res = await fetch(`${emu.url}/services/oauth2/authorize`, {
    method: "POST",
    body: form,
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });
  expect(res.status).toBe(302);
  return new URL(res.headers.get("location")!);
}

describe("web server flow", () => {
  it("PKCE S256 through jsforce: consent, code, token response exactly as documented", async () => {
    const oauth2 = new OAuth2({
      clientId: emu.clientId,
      clientSecret: emu.clientSecret,
      redirectUri: REDIRECT,
      loginUrl: emu.url,
      useVerifier: true,
    });
    const authUrl = new URL(oauth2.getAuthorizationUrl({ scope: "api refresh_token", state: "s-123" }));
    expect(authUrl.origin + authUrl.pathname).toBe(`${emu.url}/services/oauth2/authorize`);
    const callback = await consent(Object.fromEntries(authUrl.searchParams), "allow");
    expect(callback.origin + callback.pathname).toBe(REDIRECT);
    expect(callback.searchParams.get("state")).toBe("s-123");
    const code = callback.searchParams.get("code")!;
    const conn = new Connection({ oauth2, version: API_VERSION });
    const userInfo = await conn.authorize(code);
    expect(userInfo.organizationId).toBe(emu.orgId);
    expect(conn.instanceUrl).toBe(emu.url);
    expect(conn.refreshToken).toMatch(/^5Aep861/);
    const res = await conn.query("SELECT Id FROM User");
    expect(res.totalSize).toBe(1);
    const identity = await conn.identity();
    expect(identity).toMatchObject({
      user_id: emu.org.org.demoUserId,
      organization_id: emu.orgId,
      username: "admin@tandem-demo.example",
    });
  });

  it("answers the token request with the documented keys, issued_at in ms and a valid signature", async () => {
    const verifier = "v".repeat(50);
    const challenge = createHash("sha256").update(verifier).digest("base64url");
    const callback = await consent(
      {
        response_type: "code",
        client_id: emu.clientId,
        redirect_uri: REDIRECT,
        code_challenge: challenge,
        code_challenge_method: "S256",
      },
      "allow",
    );
    const res = await fetch(`${emu.url}/services/oauth2/token`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "authorization_code",
        code: callback.searchParams.get("code")!,
        client_id: emu.clientId,
        client_secret: emu.clientSecret,
        redirect_uri: REDIRECT,
        code_verifier: verifier,
      }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json;charset=UTF-8");
    const body = (await res.json()) as Record<string, string>;
    expect(Object.keys(body)).toEqual([
      "access_token",
      "refresh_token",
      "signature",
      "scope",
      "instance_url",
      "id",
      "token_type",
      "issued_at",
    ]);
    expect(body.access_token!.startsWith(`${emu.orgId.slice(0, 15)}!`)).toBe(true);
    expect(body.token_type).toBe("Bearer");
    expect(body.issued_at).toBe(String(now));
    expect(body.id).toBe(`${emu.url}/id/${emu.orgId}/${emu.org.org.demoUserId}`);
    expect(body.signature).toBe(
      createHmac("sha256", emu.clientSecret)
        .update(body.id! + body.issued_at!)
        .digest("base64"),
    );
    expect(res.headers.get("sforce-limit-info")).toBeNull();
  });

  it("PKCE plain, and a wrong verifier is invalid_grant", async () => {
    const callback = await consent(
      {
        response_type: "code",
        client_id: emu.clientId,
        redirect_uri: REDIRECT,
        code_challenge: "plain-verifier-123",
        code_challenge_method: "plain",
      },
      "allow",
    );
    const exchange = (code: string, verifier: string) =>
      fetch(`${emu.url}/services/oauth2/token`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          grant_type: "authorization_code",
          code,
          client_id: emu.clientId,
          redirect_uri: REDIRECT,
          code_verifier: verifier,
        }),
      });
    const good = await exchange(callback.searchParams.get("code")!, "plain-verifier-123");
    expect(good.status).toBe(200);
    const again = await exchange(callback.searchParams.get("code")!, "plain-verifier-123");
    expect(again.status).toBe(400);
    const second = await consent(
      {
        response_type: "code",
        client_id: emu.clientId,
        redirect_uri: REDIRECT,
        code_challenge: "abc",
        code_challenge_method: "plain",
      },
      "allow",
    );
    const bad = await exchange(second.searchParams.get("code")!, "wrong");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: "invalid_grant", error_description: "invalid code verifier" });
  });

  it("Deny redirects with error=access_denied and the state", async () => {
    const callback = await consent(
      { response_type: "code", client_id: emu.clientId, redirect_uri: REDIRECT, state: "xyz" },
      "deny",
    );
    expect(callback.searchParams.get("error")).toBe("access_denied");
    expect(callback.searchParams.get("state")).toBe("xyz");
    expect(callback.searchParams.get("code")).toBeNull();
  });

  it("a bad client_id or redirect_uri shows an error page, not a redirect", async () => {
    const badClient = await fetch(
      `${emu.url}/services/oauth2/authorize?${new URLSearchParams({ response_type: "code", client_id: "nope", redirect_uri: REDIRECT })}`,
      { redirect: "manual" },
    );
    expect(badClient.status).toBe(400);
    expect(await badClient.text()).toContain("invalid_client_id");
    const badRedirect = await fetch(
      `${emu.url}/services/oauth2/authorize?${new URLSearchParams({ response_type: "code", client_id: emu.clientId, redirect_uri: "not a url" })}`,
      { redirect: "manual" },
    );
    expect(badRedirect.status).toBe(400);
    expect(await badRedirect.text()).toContain("redirect_uri_mismatch");
  });
});

describe("tokens", () => {
  it("expired access tokens get 401 INVALID_SESSION_ID and jsforce refreshes by itself", async () => {
    const tokens = emu.issueTokens();
    const conn = refreshingConnection(emu, tokens.refresh_token, tokens.access_token);
    const refreshed: string[] = [];
    conn.on("refresh", (accessToken: string) => refreshed.push(accessToken));
    await conn.query("SELECT Id FROM User");
    now += 61_000;
    const expired = await fetch(`${emu.url}/services/data/v${API_VERSION}/limits`, {
      headers: { Authorization: `Bearer ${tokens.access_token}` },
    });
    expect(expired.status).toBe(401);
    expect(await expired.json()).toEqual([{ message: "Session expired or invalid", errorCode: "INVALID_SESSION_ID" }]);
    const res = await conn.query("SELECT Id FROM User");
    expect(res.totalSize).toBe(1);
    expect(refreshed).toHaveLength(1);
    expect(conn.accessToken).toBe(refreshed[0]);
  });

  it("the refresh response has no refresh_token; admin expire-tokens forces a refresh", async () => {
    const tokens = emu.issueTokens();
    const res = await fetch(`${emu.url}/services/oauth2/token`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "refresh_token",
        refresh_token: tokens.refresh_token,
        client_id: emu.clientId,
        client_secret: emu.clientSecret,
      }),
    });
    const body = (await res.json()) as Record<string, unknown>;
    expect(body.refresh_token).toBeUndefined();
    expect(Object.keys(body)).toEqual([
      "access_token",
      "signature",
      "scope",
      "instance_url",
      "id",
      "token_type",
      "issued_at",
    ]);
    const expire = await fetch(`${emu.url}/__emulator/expire-tokens`, { method: "POST" });
    expect(expire.status).toBe(200);
    const after = await fetch(`${emu.url}/services/data/v${API_VERSION}/limits`, {
      headers: { Authorization: `Bearer ${body.access_token as string}` },
    });
    expect(after.status).toBe(401);
  });

  it("revoked refresh tokens are 400 invalid_grant and end their access tokens", async () => {
    const tokens = emu.issueTokens();
    const conn = refreshingConnection(emu, tokens.refresh_token, tokens.access_token);
    await conn.query("SELECT Id FROM User");
    const revoke = await fetch(`${emu.url}/services/oauth2/revoke`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ token: tokens.refresh_token }),
    });
    expect(revoke.status).toBe(200);
    await expect(conn.query("SELECT Id FROM User")).rejects.toThrow(/expired access\/refresh token/);
    const direct = await fetch(`${emu.url}/services/oauth2/token`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "refresh_token",
        refresh_token: tokens.refresh_token,
        client_id: emu.clientId,
      }),
    });
    expect(direct.status).toBe(400);
    expect(await direct.json()).toEqual({ error: "invalid_grant", error_description: "expired access/refresh token" });
  });

  it("userinfo and the identity URL describe the demo user", async () => {
    const tokens = emu.issueTokens();
    const idRes = await fetch(`${tokens.id}?format=json`, {
      headers: { Authorization: `Bearer ${tokens.access_token}` },
    });
    expect(await idRes.json()).toMatchObject({
      user_id: emu.org.org.demoUserId,
      organization_id: emu.orgId,
      username: "admin@tandem-demo.example",
    });
    const info = await fetch(`${emu.url}/services/oauth2/userinfo`, {
      headers: { Authorization: `Bearer ${tokens.access_token}` },
    });
    expect(await info.json()).toMatchObject({
      user_id: emu.org.org.demoUserId,
      organization_id: emu.orgId,
      email: "admin@tandem-demo.example",
    });
    const bad = await fetch(`${emu.url}/services/oauth2/userinfo`, { headers: { Authorization: "Bearer nope" } });
    expect(bad.status).toBe(403);
  });
});
