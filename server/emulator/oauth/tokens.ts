import { createHash, createHmac, randomBytes } from "node:crypto";

export interface TokenResponse {
  access_token: string;
  refresh_token?: string;
  signature: string;
  scope: string;
  instance_url: string;
  id: string;
  token_type: "Bearer";
  issued_at: string;
}

interface AccessToken {
  userId: string;
  clientId: string;
  expiresAt: number;
  refreshToken: string | null;
  revoked: boolean;
}

export interface RefreshTokenRecord {
  token: string;
  userId: string;
  clientId: string;
  scope: string;
  revoked: boolean;
}

interface AuthCode {
  clientId: string;
  redirectUri: string;
  userId: string;
  scope: string;
  challenge: string | null;
  method: "S256" | "plain";
  expiresAt: number;
}

const CODE_TTL_MS = 15 * 60_000; // "The code expires after 15 minutes" and is single-use.

export function pkceS256(verifier: string): string {
  return createHash("sha256").update(verifier).digest("base64url");
}

export class TokenStore {
  private readonly access = new Map<string, AccessToken>();
  readonly refresh = new Map<string, RefreshTokenRecord>();
  private readonly codes = new Map<string, AuthCode>();
  /** Bumped whenever refresh tokens change, so the org file is rewritten only then. */
  refreshVersion = 0;

  constructor(
    private readonly opts: { orgId: string; clock: () => number; ttlMs: () => number; clientSecret: string },
  ) {}

  issue(
    baseUrl: string,
    userId: string,
    clientId: string,
    scope: string,
    refreshToken: string | null,
    includeRefresh: boolean,
  ): TokenResponse {
    const issuedAt = this.opts.clock();
    if (this.access.size > 10_000) {
      for (const [token, t] of this.access) if (t.expiresAt <= issuedAt || t.revoked) this.access.delete(token);
    }
    const accessToken = `${this.opts.orgId.slice(0, 15)}!${randomBytes(48).toString("base64url")}`;
    this.access.set(accessToken, {
      userId,
      clientId,
      expiresAt: issuedAt + this.opts.ttlMs(),
      refreshToken,
      revoked: false,
    });
    const id = `${baseUrl}/id/${this.opts.orgId}/${userId}`;
    const issued = String(issuedAt);
    const res: TokenResponse = {
      access_token: accessToken,
      signature: createHmac("sha256", this.opts.clientSecret)
        .update(id + issued)
        .digest("base64"),
      scope,
      instance_url: baseUrl,
      id,
      token_type: "Bearer",
      issued_at: issued,
    };
    if (includeRefresh && refreshToken) {
      const { access_token, ...others } = res;
      return { access_token, refresh_token: refreshToken, ...others };
    }
    return res;
  }

  newRefreshToken(userId: string, clientId: string, scope: string): string {
    const token = `5Aep861${randomBytes(40).toString("base64url")}`;
    this.refresh.set(token, { token, userId, clientId, scope, revoked: false });
    this.refreshVersion++;
    return token;
  }

  /** The user behind a live access token, or null (unknown, expired or revoked). */
  validate(token: string | undefined): string | null {
    if (!token) return null;
    const t = this.access.get(token);
    if (!t || t.revoked || t.expiresAt <= this.opts.clock()) return null;
    if (t.refreshToken && this.refresh.get(t.refreshToken)?.revoked) return null;
    return t.userId;
  }

  expireAll(): number {
    const now = this.opts.clock();
    let n = 0;
    for (const t of this.access.values()) {
      if (t.expiresAt > now) n++;
      t.expiresAt = Math.min(t.expiresAt, now);
    }
    return n;
  }

  /** Revoking a refresh token also ends every access token issued from it. */
  revoke(token: string): boolean {
    const r = this.refresh.get(token);
    if (r) {
      r.revoked = true;
      this.refreshVersion++;
      for (const a of this.access.values()) if (a.refreshToken === token) a.revoked = true;
      return true;
    }
    const a = this.access.get(token);
    if (a) {
      a.revoked = true;
      return true;
    }
    return false;
  }

  createCode(code: Omit<AuthCode, "expiresAt">): string {
    const value = `aPrx${randomBytes(32).toString("base64url")}`;
    this.codes.set(value, { ...code, expiresAt: this.opts.clock() + CODE_TTL_MS });
    return value;
  }

  /** Single use: a code is consumed whether or not the exchange succeeds. */
  takeCode(value: string): AuthCode | null {
    const code = this.codes.get(value);
    this.codes.delete(value);
    if (!code || code.expiresAt <= this.opts.clock()) return null;
    return code;
  }
}
