import { describe, expect, it } from "vitest";
import { AppError } from "@/server/errors";
import type { TMatchEntity } from "@/server/sync/core/match/fields";
import { parseMapOption } from "./parse-map-option";

function mapError(option: string, entity: TMatchEntity = "people"): string {
  try {
    parseMapOption(option, entity);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).message;
  }
  throw new Error("expected --map to be refused");
}

describe("parseMapOption", () => {
  it("reads Header=field pairs, any case for the field, spaces around either trimmed", () => {
    expect(parseMapOption("Nom=lastName, Prénom = firstname,Courriel=EMAIL", "people")).toEqual([
      { header: "Nom", target: "lastName" },
      { header: "Prénom", target: "firstName" },
      { header: "Courriel", target: "email" },
    ]);
  });

  it("lets several headers feed one field, and ignore leave one out", () => {
    expect(parseMapOption("street_number=address,address_1=address,Name=ignore", "people")).toEqual([
      { header: "street_number", target: "address" },
      { header: "address_1", target: "address" },
      { header: "Name", target: "ignore" },
    ]);
  });

  it("takes the last = as the separator and skips empty pairs", () => {
    expect(parseMapOption("a=b=email,,", "companies")).toEqual([{ header: "a=b", target: "email" }]);
    expect(parseMapOption("", "people")).toEqual([]);
  });

  it.each([
    ["Email", 'has no "="'],
    ["=email", 'names no column before "="'],
    ["Email=emial", '"emial" is not a field dedupe matches people on. Use one of: firstName, lastName, fullName'],
    ["Email=email,Email=phone", 'names the column "Email" twice'],
  ])("refuses %j: %s", (option, message) => {
    expect(mapError(option)).toContain(message);
  });

  it("offers each entity's own fields", () => {
    expect(mapError("Name=firstName", "companies")).toContain(
      "Use one of: name, website, email, phone, address, city, postcode, country, ignore",
    );
  });
});
