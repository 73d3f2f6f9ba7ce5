import { timingSafeEqual } from "node:crypto";
import { header, json, parseForm, text, type Req, type Res } from "../http";
import type { OrgContext } from "../context";
import { pkceS256, type TokenStore } from "./tokens";
import { consentPage, errorPage } from "./oauth-pages";

export interface OAuthConfig {
  clientId: string;
  clientSecret: string;
  /** Allowed callback URLs; empty means any http(s) URL, like a permissive connected app. */
  redirectUris: string[];
}

export interface OAuthDeps {
  org: OrgContext;
  tokens: TokenStore;
  config: OAuthConfig;
  baseUrl: () => string;
}

const DEFAULT_SCOPE = "api refresh_token id";
const oauthError = (status: number, error: string, description: string) =>
  json(status, { error, error_description: description });

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function validRedirect(config: OAuthConfig, uri: string | null): boolean {
  if (!uri) return false;
  if (config.redirectUris.length > 0) return config.redirectUris.includes(uri);
  try {
    const u = new URL(uri);
    return u.protocol === "http:" || u.protocol === "https:";
  } catch {
    return false;
  }
}

function redirect(location: string): Res {
  return { status: 302, headers: { Location: location, "Content-Type": "text/html;charset=UTF-8" }, body: "" };
}

function withParams(uri: string, params: Record<string, string | null>): string {
  const u = new URL(uri);
  for (const [k, v] of Object.entries(params)) if (v !== null) u.searchParams.set(k, v);
  return u.toString();
}

export async function handleOAuth(deps: OAuthDeps, req: Req): Promise<Res | null> {
  const route = req.path.replace(/^\/services\/oauth2\//, "");
  if (route === "authorize" && req.method === "GET") return authorizePage(deps, req.url.searchParams);
  if (route === "authorize" && req.method === "POST") return authorizeDecision(deps, parseForm(req.body));
  if (route === "token" && req.method === "POST") return token(deps, req);
  if (route === "revoke" && (req.method === "POST" || req.method === "GET")) {
    const form = req.method === "POST" ? parseForm(req.body) : req.url.searchParams;
    const value = form.get("token");
    if (!value) return oauthError(400, "unsupported_token_type", "missing token");
    return deps.tokens.revoke(value)
      ? text(200, "", "text/html;charset=UTF-8")
      : oauthError(400, "invalid_token", "invalid token");
  }
  if (route === "userinfo" && (req.method === "GET" || req.method === "POST")) return userinfo(deps, req);
  return null;
}

function authorizePage(deps: OAuthDeps, q: URLSearchParams): Res {
  const clientId = q.get("client_id");
  const redirectUri = q.get("redirect_uri");
  if (clientId !== deps.config.clientId) {
    return errorPage(400, "invalid_client_id", "client identifier invalid: no connected app has this client_id");
  }
  if (!validRedirect(deps.config, redirectUri)) {
    return errorPage(400, "redirect_uri_mismatch", "redirect_uri must match a callback URL of the connected app");
  }
  const state = q.get("state");
  if (q.get("response_type") !== "code") {
    return redirect(
      withParams(redirectUri!, {
        error: "unsupported_response_type",
        error_description: "response type not supported",
        state,
      }),
    );
  }
  const method = q.get("code_challenge_method") ?? "S256";
  if (method !== "S256" && method !== "plain") {
    return redirect(
      withParams(redirectUri!, { error: "invalid_request", error_description: "invalid code_challenge_method", state }),
    );
  }
  const user = deps.org.store.requireTable("User").byId.get(deps.org.demoUserId);
  return consentPage({
    clientId: clientId!,
    redirectUri: redirectUri!,
    state,
    scope: q.get("scope") ?? DEFAULT_SCOPE,
    codeChallenge: q.get("code_challenge"),
    codeChallengeMethod: method,
    username: String(user?.Username ?? ""),
  });
}

function authorizeDecision(deps: OAuthDeps, form: URLSearchParams): Res {
  const clientId = form.get("client_id");
  const redirectUri = form.get("redirect_uri");
  if (clientId !== deps.config.clientId) return errorPage(400, "invalid_client_id", "client identifier invalid");
  if (!validRedirect(deps.config, redirectUri))
    return errorPage(400, "redirect_uri_mismatch", "redirect_uri must match a callback URL of the connected app");
  const state = form.get("state");
  if (form.get("decision") !== "allow") {
    return redirect(
      withParams(redirectUri!, { error: "access_denied", error_description: "end-user denied authorization", state }),
    );
  }
  const method = form.get("code_challenge_method") === "plain" ? "plain" : "S256";
  const code = deps.tokens.createCode({
    clientId: clientId!,
    redirectUri: redirectUri!,
    userId: deps.org.demoUserId,
    scope: form.get("scope") || DEFAULT_SCOPE,
    challenge: form.get("code_challenge") || null,
    method,
  });
  return redirect(withParams(redirectUri!, { code, state }));
}

/** Client credentials come in the body or as HTTP Basic, both accepted by Salesforce. */
function clientCredentials(req: Req, form: URLSearchParams): { id: string | null; secret: string | null } {
  const auth = header(req, "authorization");
  if (auth?.startsWith("Basic ")) {
    const decoded = Buffer.from(auth.slice(6), "base64").toString("utf8");
    const i = decoded.indexOf(":");
    if (i > 0) return { id: decodeURIComponent(decoded.slice(0, i)), secret: decodeURIComponent(decoded.slice(i + 1)) };
  }
  return { id: form.get("client_id"), secret: form.get("client_secret") };
}

function token(deps: OAuthDeps, req: Req): Res {
  const form = parseForm(req.body);
  const client = clientCredentials(req, form);
  if (client.id !== deps.config.clientId) return oauthError(400, "invalid_client_id", "client identifier invalid");
  if (client.secret !== null && !sameSecret(client.secret, deps.config.clientSecret)) {
    return oauthError(400, "invalid_client", "invalid client credentials");
  }
  const grant = form.get("grant_type");
  if (grant === "authorization_code") {
    const code = deps.tokens.takeCode(form.get("code") ?? "");
    if (!code || code.clientId !== client.id) return oauthError(400, "invalid_grant", "invalid authorization code");
    if (form.get("redirect_uri") !== code.redirectUri)
      return oauthError(400, "redirect_uri_mismatch", "redirect_uri must match configuration");
    const verifier = form.get("code_verifier");
    if (code.challenge) {
      if (!verifier) return oauthError(400, "invalid_grant", "invalid code verifier");
      const computed = code.method === "plain" ? verifier : pkceS256(verifier);
      if (computed !== code.challenge) return oauthError(400, "invalid_grant", "invalid code verifier");
    } else if (client.secret === null) {
      return oauthError(400, "invalid_client", "invalid client credentials");
    }
    const wantsRefresh = /\b(refresh_token|offline_access)\b/.test(code.scope);
    const refresh = wantsRefresh ? deps.tokens.newRefreshToken(code.userId, code.clientId, code.scope) : null;
    return json(200, deps.tokens.issue(deps.baseUrl(), code.userId, code.clientId, code.scope, refresh, true));
  }
  if (grant === "refresh_token") {
    const record = deps.tokens.refresh.get(form.get("refresh_token") ?? "");
    if (!record || record.revoked || record.clientId !== client.id) {
      return oauthError(400, "invalid_grant", "expired access/refresh token");
    }
    // A refresh answers without a refresh_token (no rotation), as documented.
    return json(
      200,
      deps.tokens.issue(deps.baseUrl(), record.userId, record.clientId, record.scope, record.token, false),
    );
  }
  return oauthError(400, "unsupported_grant_type", "grant type not supported");
}

export function bearer(req: Req): string | undefined {
  const auth = header(req, "authorization");
  if (auth && /^(Bearer|OAuth) /i.test(auth)) return auth.replace(/^(Bearer|OAuth) /i, "").trim();
  return req.url.searchParams.get("oauth_token") ?? undefined;
}

function userinfo(deps: OAuthDeps, req: Req): Res {
  const userId = deps.tokens.validate(bearer(req));
  if (!userId) return text(403, "Bad_OAuth_Token", "text/plain;charset=UTF-8");
  const u = deps.org.store.requireTable("User").byId.get(userId) ?? {};
  const base = deps.baseUrl();
  return json(200, {
    sub: `${base}/id/${deps.org.orgId}/${userId}`,
    user_id: userId,
    organization_id: deps.org.orgId,
    preferred_username: u.Username ?? null,
    nickname: u.Alias ?? null,
    name: u.Name ?? null,
    email: u.Email ?? null,
    email_verified: true,
    given_name: u.FirstName ?? null,
    family_name: u.LastName ?? null,
    zoneinfo: u.TimeZoneSidKey ?? "GMT",
    active: u.IsActive !== false,
    user_type: "STANDARD",
    language: "en_US",
    locale: "en_US",
    utcOffset: 0,
    updated_at: new Date(Number(u.LastModifiedDate ?? 0)).toISOString().replace(/\.\d{3}Z$/, "Z"),
  });
}
