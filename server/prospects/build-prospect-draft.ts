import { prospectIdentityKey, prospectMatchKeys } from "@/server/sync/core/prospect-keys";
import type { TProspectField } from "./import/prospect-fields";
import type { TProspectKind } from "./schemas";

/** A prospect ready to be written, with its PULL-3 keys; the same for an import and by hand. */
export type TProspectDraft = {
  kind: TProspectKind;
  name: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  emailNormalized: string | null;
  title: string | null;
  company: string | null;
  website: string | null;
  domainNormalized: string | null;
  phone: string | null;
  city: string | null;
  country: string | null;
  linkedinUrl: string | null;
  industry: string | null;
  extra: Record<string, string>;
  /** Email of a person, domain of a company: what makes two prospects one, and PULL-3 matches. */
  identityKey: string | null;
};

export type TProspectValues = Partial<Record<TProspectField, string | undefined>>;

const clean = (value: string | undefined) => value?.trim() || null;

/** A person's name is the full name given, else first and last name joined. */
export function displayName(kind: TProspectKind, values: TProspectValues): string {
  const name = clean(values.name);
  if (name || kind === "company") return name ?? "";
  return [clean(values.firstName), clean(values.lastName)].filter(Boolean).join(" ");
}

export function buildProspectDraft(
  kind: TProspectKind,
  values: TProspectValues,
  extra: Record<string, string> = {},
): TProspectDraft {
  const email = kind === "person" ? clean(values.email) : null;
  const website = clean(values.website);
  const keys = prospectMatchKeys({ kind, email, website });
  return {
    kind,
    name: displayName(kind, values),
    firstName: kind === "person" ? clean(values.firstName) : null,
    lastName: kind === "person" ? clean(values.lastName) : null,
    email,
    emailNormalized: keys.emailNormalized,
    title: kind === "person" ? clean(values.title) : null,
    company: kind === "person" ? clean(values.company) : null,
    website,
    domainNormalized: keys.domainNormalized,
    phone: clean(values.phone),
    city: clean(values.city),
    country: clean(values.country),
    linkedinUrl: clean(values.linkedinUrl),
    industry: clean(values.industry),
    extra,
    identityKey: prospectIdentityKey(kind, keys),
  };
}
