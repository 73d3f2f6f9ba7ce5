import { EmulatorOrg } from "../emulator";
import type { Rec } from "../org/store";

/** A demo-org contact or (unconverted) lead, as the sample needs it. */
export type TDemoPerson = {
  object: "Contact" | "Lead";
  firstName: string;
  lastName: string;
  email: string;
  title: string | null;
  phone: string | null;
  city: string | null;
  company: string;
  /** The web domain of the person's email. */
  domain: string;
  /** The account's industry for a contact, the lead's own for a lead. */
  industry: string | null;
};
export type TDemoAccount = {
  name: string;
  domain: string;
  phone: string | null;
  industry: string | null;
  city: string | null;
};
export type TDemoOrg = { people: TDemoPerson[]; accounts: TDemoAccount[] };

/** The demo org's people and accounts, read from a freshly seeded copy of it. */
export async function readDemoOrg(): Promise<TDemoOrg> {
  const emulator = new EmulatorOrg({ seed: "demo" });
  await emulator.init();
  try {
    const rows = (object: string) =>
      [...emulator.store.requireTable(object).byId.values()].filter((rec) => rec.IsDeleted !== true);
    const text = (rec: Rec, field: string) => (typeof rec[field] === "string" ? (rec[field] as string) : null);
    const accountById = new Map(rows("Account").map((rec) => [rec.Id as string, rec]));
    const person = (object: TDemoPerson["object"], rec: Rec, company: string, industry: string | null) => {
      const email = text(rec, "Email")!.toLowerCase();
      return {
        object,
        firstName: text(rec, "FirstName") ?? "",
        lastName: text(rec, "LastName") ?? "",
        email,
        title: text(rec, "Title"),
        phone: text(rec, "Phone"),
        city: text(rec, object === "Contact" ? "MailingCity" : "City"),
        company,
        domain: email.slice(email.indexOf("@") + 1),
        industry,
      };
    };
    const contacts = rows("Contact")
      .filter((rec) => text(rec, "Email"))
      .map((rec) => {
        const account = accountById.get(rec.AccountId as string);
        return person(
          "Contact",
          rec,
          account ? (text(account, "Name") ?? "") : "",
          account ? text(account, "Industry") : null,
        );
      });
    const leads = rows("Lead")
      .filter((rec) => text(rec, "Email") && rec.IsConverted !== true)
      .map((rec) => person("Lead", rec, text(rec, "Company") ?? "", text(rec, "Industry")));
    const accounts = rows("Account").map((rec) => ({
      name: text(rec, "Name") ?? "",
      domain: domainOf(text(rec, "Website") ?? ""),
      phone: text(rec, "Phone"),
      industry: text(rec, "Industry"),
      city: text(rec, "BillingCity"),
    }));
    return { people: [...contacts, ...leads], accounts };
  } finally {
    await emulator.close();
  }
}

/** "https://www.Acme.com/about" → "acme.com". */
function domainOf(website: string): string {
  return website
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, "")
    .replace(/^www\./, "")
    .split("/")[0]!;
}
