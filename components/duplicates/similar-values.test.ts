import { describe, expect, it } from "vitest";
import { similarLookupValues } from "./similar-values";

describe("DUP-4: when a create form looks for duplicates", () => {
  it("DUP-4: waits until a name, email, phone or website says enough", () => {
    expect(similarLookupValues("people", { firstName: "", lastName: "L", title: "CEO" })).toBeNull();
    expect(similarLookupValues("companies", { name: " ", industry: "Software" })).toBeNull();
  });

  it("DUP-4: sends every filled value, trimmed, once one is enough", () => {
    expect(similarLookupValues("people", { firstName: " Ada ", lastName: "", company: "Acme", title: null })).toEqual({
      firstName: "Ada",
      company: "Acme",
    });
    expect(similarLookupValues("companies", { name: "", website: "acme.com", city: "Paris" })).toEqual({
      website: "acme.com",
      city: "Paris",
    });
  });
});
