/**
 * PULL-3 keys of a prospect, computed when it is written: the normalised email of a person, the
 * normalised web domain of a company (and of a person's employer, when it can be told).
 */
import { companyDomainOfEmail, normalizeDomain, normalizeEmailAddress } from "./normalize";

export type TProspectKeyInput = { kind: "person" | "company"; email?: string | null; website?: string | null };
export type TProspectKeys = { emailNormalized: string | null; domainNormalized: string | null };

export function prospectMatchKeys(input: TProspectKeyInput): TProspectKeys {
  if (input.kind === "company") return { emailNormalized: null, domainNormalized: normalizeDomain(input.website) };
  const emailNormalized = normalizeEmailAddress(input.email);
  // A free-mail address says nothing about the employer, so it yields no domain.
  return { emailNormalized, domainNormalized: normalizeDomain(input.website) ?? companyDomainOfEmail(emailNormalized) };
}

/**
 * The key that makes two prospects the same one, and that PULL-3 matches on: the email of a
 * person (against CRM people), the domain of a company (against CRM accounts). Null when the
 * prospect has none; such a prospect can neither be a duplicate nor be matched.
 */
export function prospectIdentityKey(kind: "person" | "company", keys: TProspectKeys): string | null {
  return kind === "person" ? keys.emailNormalized : keys.domainNormalized;
}
