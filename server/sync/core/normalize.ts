/**
 * PULL-3, PULL-4 and duplicate matching compare people and companies on normalised keys: an email
 * for people, a registrable web domain for companies, phones as E.164. Pure functions; the same
 * normalisation runs on every pull, import and create. Domains come from the Public Suffix List
 * (tldts), free-mail providers from a maintained list (email-providers), phones from
 * libphonenumber's metadata.
 */
import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/min";
import { getDomain } from "tldts";
import emailProviders from "email-providers/all.json" with { type: "json" };

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
 * The registrable domain of a website, URL or host: "https://WWW.Acme.com/about" → "acme.com",
 * "blog.acme.co.uk" → "acme.co.uk". Private suffixes count, so "acme.github.io" stays itself rather
 * than becoming every GitHub Pages site. Null when nothing domain-like remains (a name, an IP).
 */
export function normalizeDomain(value: string | null | undefined): string | null {
  if (!value) return null;
  const text = value.trim().toLowerCase();
  if (!text || /\s/.test(text)) return null;
  const domain = getDomain(text, { allowPrivateDomains: true });
  return domain && domain.includes(".") ? domain : null;
}

/**
 * Domains of free and consumer mail providers (about 8,700, with Gmail, Outlook, Yahoo, GMX, iCloud…).
 * The names RFC 2606 reserves for documentation are no provider and stay company domains.
 */
const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set(
  (emailProviders as string[]).filter((domain) => !/^example\.(com|net|org)$/.test(domain)),
);

/** Whether a domain belongs to a free-mail provider (it says nothing about an employer). */
export function isFreeMailDomain(domain: string): boolean {
  return FREE_MAIL_DOMAINS.has(domain);
}

/** The registrable company domain of an email address, or null for free-mail providers. */
export function companyDomainOfEmail(email: string | null | undefined): string | null {
  const normalized = normalizeEmailAddress(email);
  if (!normalized) return null;
  const host = normalized.slice(normalized.indexOf("@") + 1);
  if (isFreeMailDomain(host)) return null;
  const domain = normalizeDomain(host);
  return domain && !isFreeMailDomain(domain) ? domain : null;
}

/**
 * A phone number as E.164 when it parses (in `defaultCountry` unless it carries a country code),
 * else its digits; null without any. The common forms are read directly ("+44 20 7946 0958",
 * "(555) 010-0199", "1-555-010-0199"); anything else (extensions, a trunk "(0)", other countries'
 * national forms) goes to libphonenumber, about thirty times slower.
 */
export function normalizePhone(value: string | null | undefined, defaultCountry: CountryCode = "US"): string | null {
  if (!value) return null;
  const text = value.trim();
  if (/^[\d\s().+-]+$/.test(text) && !text.includes("(0)")) {
    const digits = text.replace(/\D+/g, "");
    if (!digits) return null;
    if (text.startsWith("+") && digits.length >= 8) return `+${digits}`;
    if (defaultCountry === "US" && digits.length === 10 && !digits.startsWith("0") && !digits.startsWith("1"))
      return `+1${digits}`;
    if (defaultCountry === "US" && digits.length === 11 && digits.startsWith("1")) return `+${digits}`;
  }
  const parsed = parsePhoneNumberFromString(text, defaultCountry);
  if (parsed?.isPossible()) return parsed.number;
  const digits = text.replace(/\D+/g, "");
  if (!digits) return null;
  return digits.length === 10 && defaultCountry === "US" ? `+1${digits}` : digits;
}
