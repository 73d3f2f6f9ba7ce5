import { describe, expect, it } from "vitest";
import { guessMapping } from "./guess-mapping";

describe("guessMapping for people", () => {
  it.each([
    ["E-mail", "email"],
    ["Email Address", "email"],
    ["Work Email", "email"],
    ["Contact email", "email"],
    ["First Name", "firstName"],
    ["first_name", "firstName"],
    ["Surname", "lastName"],
    ["Full name", "name"],
    ["Name", "name"],
    ["Company", "company"],
    ["Organisation", "company"],
    ["Job Title", "title"],
    ["Website", "website"],
    ["Domain", "website"],
    ["Mobile Phone", "phone"],
    ["LinkedIn Profile URL", "linkedinUrl"],
    ["Country", "country"],
    ["Industry", "industry"],
    ["Favourite colour", "extra"],
  ])("%j → %s", (header, expected) => expect(guessMapping([header], "person")).toEqual([expected]));
});

describe("guessMapping for companies", () => {
  it.each([
    ["Company", "name"],
    ["Company Name", "name"],
    ["Account Name", "name"],
    ["Domain", "website"],
    ["City", "city"],
    // A company has no email or job title field; those columns are kept as extra fields.
    ["Email", "extra"],
    ["Title", "extra"],
  ])("%j → %s", (header, expected) => expect(guessMapping([header], "company")).toEqual([expected]));
});

describe("guessMapping across columns", () => {
  it("gives each field to the first column that suggests it and keeps the rest as extra fields", () => {
    expect(guessMapping(["Email", "Secondary Email", "First Name", "Last Name", "Notes"], "person")).toEqual([
      "email",
      "extra",
      "firstName",
      "lastName",
      "extra",
    ]);
  });

  it("ignores columns whose header has no letters or digits", () => {
    expect(guessMapping(["---", "Email"], "person")).toEqual(["ignore", "email"]);
  });
});
