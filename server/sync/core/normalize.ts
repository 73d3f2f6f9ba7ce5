/**
 * PULL-3 and PULL-4 match on normalised keys: an email for people, a web domain for companies.
 * Pure functions; the same normalisation runs on every pull and every import.
 */

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Lower-cased, trimmed, with a `mailto:` prefix removed; null when it is not an email. */
export function normalizeEmailAddress(value: string | null | undefined): string | null {
  if (!value) return null;
  const email = value
    .trim()
    .replace(/^mailto:/i, "")
    .toLowerCase();
  return EMAIL_PATTERN.test(email) ? email : null;
}

/**
 * The registrable host of a website or URL: no scheme, "www.", port, path, query or trailing dot.
 * "https://WWW.Acme.com/about" → "acme.com". Null when nothing host-like remains.
 */
export function normalizeDomain(value: string | null | undefined): string | null {
  if (!value) return null;
  let host = value.trim().toLowerCase();
  if (!host) return null;
  host = host.replace(/^[a-z][a-z0-9+.-]*:\/\//, "");
  host = host.replace(/^[^@/]*@/, ""); // credentials in a URL
  host = host.split(/[/?#]/)[0] ?? "";
  host = host
    .replace(/:\d+$/, "")
    .replace(/\.$/, "")
    .replace(/^www\d*\./, "");
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host) ? host : null;
}

/** Free-mail domains say nothing about the company a person works for. */
const FREE_MAIL_DOMAINS = new Set([
  "gmail.com",
  "googlemail.com",
  "yahoo.com",
  "hotmail.com",
  "outlook.com",
  "live.com",
  "aol.com",
  "icloud.com",
  "me.com",
  "proton.me",
  "protonmail.com",
  "gmx.com",
  "gmx.de",
  "mail.com",
  "yandex.com",
]);

/** The company domain of an email address, or null for free-mail providers. */
export function companyDomainOfEmail(email: string | null | undefined): string | null {
  const normalized = normalizeEmailAddress(email);
  if (!normalized) return null;
  const domain = normalized.slice(normalized.indexOf("@") + 1);
  return FREE_MAIL_DOMAINS.has(domain) ? null : domain;
}
