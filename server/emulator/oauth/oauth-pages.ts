import type { Res } from "../http";

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

const page = (title: string, body: string) => `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font-family:system-ui,sans-serif;background:#f3f3f3;margin:0;display:flex;justify-content:center;padding-top:10vh}
main{background:#fff;border-radius:8px;box-shadow:0 2px 8px rgba(0,0,0,.12);padding:32px;max-width:420px}
h1{font-size:20px;margin:0 0 16px}ul{padding-left:20px}.actions{display:flex;gap:12px;margin-top:24px}
button{font-size:15px;padding:8px 20px;border-radius:4px;border:1px solid #0176d3;cursor:pointer}
button[value=allow]{background:#0176d3;color:#fff}button[value=deny]{background:#fff;color:#0176d3}
.error{color:#ba0517}code{background:#f3f3f3;padding:1px 4px}
</style></head><body><main>${body}</main></body></html>`;

export interface ConsentParams {
  clientId: string;
  redirectUri: string;
  state: string | null;
  scope: string;
  codeChallenge: string | null;
  codeChallengeMethod: string;
  username: string;
}

/** The "Allow Access?" page a user sees when a connected app asks for access. */
export function consentPage(p: ConsentParams): Res {
  const hidden = (name: string, value: string | null) =>
    value === null ? "" : `<input type="hidden" name="${name}" value="${esc(value)}">`;
  const scopes = p.scope
    .split(/\s+/)
    .filter(Boolean)
    .map((s) => `<li>${esc(describeScope(s))}</li>`)
    .join("");
  const body = `<h1>Allow Access?</h1>
<p>The app <strong>${esc(p.clientId)}</strong> is asking to access your Salesforce data as <strong>${esc(p.username)}</strong>.</p>
<ul>${scopes}</ul>
<form method="post" action="/services/oauth2/authorize">
${hidden("client_id", p.clientId)}${hidden("redirect_uri", p.redirectUri)}${hidden("state", p.state)}${hidden("scope", p.scope)}
${hidden("code_challenge", p.codeChallenge)}${hidden("code_challenge_method", p.codeChallengeMethod)}
<div class="actions"><button type="submit" name="decision" value="allow">Allow</button>
<button type="submit" name="decision" value="deny">Deny</button></div>
</form>`;
  return { status: 200, headers: { "Content-Type": "text/html;charset=UTF-8" }, body: page("Allow Access?", body) };
}

function describeScope(scope: string): string {
  switch (scope) {
    case "api":
      return "Manage user data via APIs (api)";
    case "refresh_token":
    case "offline_access":
      return "Perform requests at any time (refresh_token, offline_access)";
    case "id":
    case "openid":
    case "profile":
    case "email":
      return `Access the identity URL service (${scope})`;
    case "full":
      return "Full access (full)";
    default:
      return scope;
  }
}

export function errorPage(status: number, error: string, description: string): Res {
  const body = `<h1 class="error">OAuth error</h1><p><code>error=${esc(error)}</code></p><p>${esc(description)}</p>`;
  return { status, headers: { "Content-Type": "text/html;charset=UTF-8" }, body: page("OAuth error", body) };
}
