import { describe, expect, it } from "vitest";
import type { TMatchEntity, TMatchField } from "@/server/sync/core/match/fields";
import { describeHeaderAliases, guessField, headerKey } from "./header-aliases";

describe("headerKey", () => {
  it.each([
    ["First Name", "firstname"],
    ["first_name", "firstname"],
    ["E-mail", "email"],
    [" EMAIL ", "email"],
    ["Téléphone", "telephone"],
    ["Address Line 1", "addressline1"],
    ["—", ""],
  ])("%j → %j", (header, key) => {
    expect(headerKey(header)).toBe(key);
  });
});

describe("guessField", () => {
  const table: Array<[TMatchEntity, string, TMatchField | null]> = [
    ["people", "first_name", "firstName"],
    ["people", "FirstName", "firstName"],
    ["people", "Given Name", "firstName"],
    ["people", "forename", "firstName"],
    ["people", "First", "firstName"],
    ["people", "Last Name", "lastName"],
    ["people", "lastname", "lastName"],
    ["people", "Surname", "lastName"],
    ["people", "family_name", "lastName"],
    ["people", "Name", "fullName"],
    ["people", "Full Name", "fullName"],
    ["people", "contact_name", "fullName"],
    ["people", "Email", "email"],
    ["people", "e_mail", "email"],
    ["people", "Email Address", "email"],
    ["people", "Phone", "phone"],
    ["people", "Telephone", "phone"],
    ["people", "tel", "phone"],
    ["people", "Mobile", "phone"],
    ["people", "Phone Number", "phone"],
    ["people", "Company", "company"],
    ["people", "Organization", "company"],
    ["people", "Employer", "company"],
    ["people", "Account", "company"],
    ["people", "Title", "title"],
    ["people", "Job Title", "title"],
    ["people", "Address", "address"],
    ["people", "addr", "address"],
    ["people", "Street", "address"],
    ["people", "Street Address", "address"],
    ["people", "address_1", "address"],
    ["people", "Address Line 1", "address"],
    ["people", "address1", "address"],
    ["people", "street_number", "address"],
    ["people", "City", "city"],
    ["people", "Town", "city"],
    ["people", "suburb", "city"],
    ["people", "Locality", "city"],
    ["people", "Zip", "postcode"],
    ["people", "ZIP Code", "postcode"],
    ["people", "Postcode", "postcode"],
    ["people", "Postal Code", "postcode"],
    ["people", "Country", "country"],
    ["people", "DOB", "birthDate"],
    ["people", "date_of_birth", "birthDate"],
    ["people", "Birth Date", "birthDate"],
    ["people", "birthdate", "birthDate"],
    ["people", "Website", "website"],
    ["people", "URL", "website"],
    ["people", "web", "website"],
    ["people", "Domain", "website"],
    ["people", "Notes", null],
    ["people", "address_2", null],
    ["people", "", null],
    ["companies", "Name", "name"],
    ["companies", "Company Name", "name"],
    ["companies", "Company", "name"],
    ["companies", "Organisation", "name"],
    ["companies", "organization", "name"],
    ["companies", "Account Name", "name"],
    ["companies", "Site name", "name"],
    ["companies", "Website", "website"],
    ["companies", "Email Address", "email"],
    ["companies", "Phone", "phone"],
    ["companies", "Address", "address"],
    ["companies", "Zip", "postcode"],
    ["companies", "City", "city"],
    ["companies", "Country", "country"],
    ["companies", "First Name", null],
    ["companies", "Full Name", null],
    ["companies", "Title", null],
  ];
  it.each(table)("%s: %j → %s", (entity, header, field) => {
    expect(guessField(entity, header)).toBe(field);
  });
});

describe("describeHeaderAliases", () => {
  it("lists every field a header is guessed for, once", () => {
    const text = describeHeaderAliases("");
    for (const field of ["firstName", "lastName", "fullName", "company", "title", "birthDate", "name"]) {
      expect(text.match(new RegExp(`^  ${field} `, "gm"))).toHaveLength(1);
    }
    for (const field of ["email", "phone", "address", "city", "postcode", "country", "website"]) {
      expect(text.match(new RegExp(`^  ${field} `, "gm"))).toHaveLength(1);
    }
    expect(text).toContain("street_number");
  });
});
