import { describe, expect, it } from "vitest";
import { matchFeatures } from "./features";
import type { TMatchEntity } from "./fields";
import { compareFeatures, defaultModel } from "./model";
import { matchReasons } from "./reasons";

function reasons(entity: TMatchEntity, a: Record<string, string>, b: Record<string, string>) {
  const fa = matchFeatures(entity, { id: "a", values: a });
  const fb = matchFeatures(entity, { id: "b", values: b });
  return matchReasons(entity, defaultModel(entity), compareFeatures(entity, fa, fb), fa, fb);
}

describe("DUP-1: reasons in words", () => {
  it.each([
    [
      "sound-alike names and the same email",
      { firstName: "Jon", lastName: "Smyth", email: "js@acme.com" },
      { firstName: "John", lastName: "Smith", email: "js@acme.com" },
      ["same email", "nickname of the same name (Jon/John Smyth/Smith)"],
    ],
    [
      "a nickname",
      { firstName: "Bill", lastName: "Gates", phone: "312 542 1640" },
      { firstName: "William", lastName: "Gates", phone: "+1 (312) 542-1640" },
      ["same phone", "nickname of the same name (Bill/William Gates)"],
    ],
    [
      "names swapped",
      { firstName: "Ada", lastName: "Lovelace" },
      { firstName: "Lovelace", lastName: "Ada" },
      ["first and last names swapped (Ada Lovelace/Lovelace Ada)"],
    ],
    [
      "the same name",
      { firstName: "Grace", lastName: "Hopper", company: "Navy" },
      { firstName: "Grace", lastName: "Hopper", company: "Navy" },
      ["same name (Grace Hopper)", "same company"],
    ],
    [
      "phonetic surnames",
      { firstName: "Anna", lastName: "Philips" },
      { firstName: "Anna", lastName: "Fillips" },
      ["names sound alike (Anna Philips/Fillips)"],
    ],
  ])("people: %s", (_label, a, b, expected) => expect(reasons("people", a, b).sort()).toEqual([...expected].sort()));

  it("companies: domain and name", () => {
    expect(
      reasons("companies", { name: "Acme", website: "acme.com" }, { name: "ACME Inc.", website: "https://acme.com" }),
    ).toEqual(["same company domain", "same name"]);
  });

  it("says nothing of disagreement", () => {
    expect(reasons("people", { firstName: "Ann", email: "a@x.com" }, { firstName: "Bob", email: "b@y.com" })).toEqual(
      [],
    );
  });
});
