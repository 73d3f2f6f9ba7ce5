import { describe, expect, it } from "vitest";
import { prospectIdentityKey, prospectMatchKeys, type TProspectKeyInput } from "./prospect-keys";

describe("prospectMatchKeys", () => {
  it.each<[string, TProspectKeyInput, { emailNormalized: string | null; domainNormalized: string | null }]>([
    [
      "a person's email is normalised",
      { kind: "person", email: " Jane.Doe@ACME.com " },
      { emailNormalized: "jane.doe@acme.com", domainNormalized: "acme.com" },
    ],
    [
      "a person's website wins over the email domain",
      { kind: "person", email: "jane@acme.com", website: "https://www.acme.io/team" },
      { emailNormalized: "jane@acme.com", domainNormalized: "acme.io" },
    ],
    [
      "a free-mail address gives no company domain",
      { kind: "person", email: "jane@gmail.com" },
      { emailNormalized: "jane@gmail.com", domainNormalized: null },
    ],
    [
      "an invalid email gives no keys",
      { kind: "person", email: "jane at acme" },
      { emailNormalized: null, domainNormalized: null },
    ],
    [
      "a company's domain comes from its website",
      { kind: "company", website: "HTTP://WWW.Acme.COM/about" },
      { emailNormalized: null, domainNormalized: "acme.com" },
    ],
    [
      "a company never has an email key",
      { kind: "company", email: "sales@acme.com" },
      { emailNormalized: null, domainNormalized: null },
    ],
  ])("%s", (_name, input, expected) => expect(prospectMatchKeys(input)).toEqual(expected));
});

describe("prospectIdentityKey", () => {
  const keys = { emailNormalized: "jane@acme.com", domainNormalized: "acme.com" };
  it("PULL-3: people match on email, companies on web domain", () => {
    expect(prospectIdentityKey("person", keys)).toBe("jane@acme.com");
    expect(prospectIdentityKey("company", keys)).toBe("acme.com");
  });
});
