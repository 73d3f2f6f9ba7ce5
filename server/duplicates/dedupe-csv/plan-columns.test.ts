import { describe, expect, it } from "vitest";
import { AppError } from "@/server/errors";
import type { TMatchEntity } from "@/server/sync/core/match/fields";
import { planColumns } from "./plan-columns";

function planError(headers: string[], map?: string, entity: TMatchEntity = "people"): string {
  try {
    planColumns(headers, entity, map, "people.csv");
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).message;
  }
  throw new Error("expected the columns to be refused");
}

describe("planColumns", () => {
  it("guesses fields from headers and lists the columns it does not use", () => {
    expect(planColumns(["Id", "First Name", " surname", "E-mail", "Notes"], "people", undefined, "people.csv")).toEqual(
      {
        fields: [null, "firstName", "lastName", "email", null],
        unused: ["Id", "Notes"],
      },
    );
  });

  it("lets several columns feed one field", () => {
    expect(planColumns(["street_number", "address_1", "suburb"], "people", undefined, "x.csv").fields).toEqual([
      "address",
      "address",
      "city",
    ]);
  });

  it("--map sets the columns it names and guesses the others", () => {
    const plan = planColumns(["Nom", "Prénom", "Email", "Pays"], "people", "Nom=lastName,prenom=firstName", "x.csv");
    expect(plan.fields).toEqual(["lastName", "firstName", "email", null]);
  });

  it("a field --map names is read only from the columns --map gives it", () => {
    const plan = planColumns(["Email", "Work Email", "Name"], "people", "Work Email=email,Name=ignore", "x.csv");
    expect(plan).toEqual({
      fields: [null, "email", null],
      unused: ["Email", "Name"],
    });
  });

  it("--map finds a header by exact name first, then ignoring case and punctuation", () => {
    expect(planColumns(["e-mail", "E-Mail"], "people", "E-Mail=email", "x.csv").fields).toEqual([null, "email"]);
    expect(planColumns(["Site Name"], "companies", "site_name=name", "x.csv").fields).toEqual(["name"]);
  });

  it("refuses a --map header the file does not have, listing the file's columns", () => {
    expect(planError(["Name", "Email"], "Emial=email")).toBe(
      '--map: people.csv has no column "Emial". Its columns: Name, Email.',
    );
  });

  it("refuses a file with no usable column, naming its columns and the fields", () => {
    const message = planError(["Id", "", "Notes"]);
    expect(message).toContain("people.csv has no column dedupe can match people on. Its columns: Id, column 2, Notes.");
    expect(message).toContain(
      "the fields: firstName, lastName, fullName, email, phone, company, title, address, city, postcode, country, birthDate, website.",
    );
    expect(planError(["Email"], "Email=ignore")).toContain("has no column dedupe can match");
  });
});
