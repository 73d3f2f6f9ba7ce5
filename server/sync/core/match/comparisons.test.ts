import { describe, expect, it } from "vitest";
import { COMPARISONS, givenNameLevel, rareWordSimilarity, surnameLevel } from "./comparisons";
import { matchFeatures, weighNameWords } from "./features";
import type { TMatchEntity } from "./fields";
import { soundOf } from "./features";

function levelName(entity: TMatchEntity, key: string, a: Record<string, string>, b: Record<string, string>) {
  const comparison = COMPARISONS[entity].find((entry) => entry.key === key);
  if (!comparison) throw new Error(key);
  const level = comparison.level(
    matchFeatures(entity, { id: "a", values: a }),
    matchFeatures(entity, { id: "b", values: b }),
  );
  return level < 0 ? null : comparison.levels[level]!.name;
}

describe("DUP-1: given names", () => {
  it.each([
    ["john", "john", 0],
    ["bill", "william", 1],
    ["jon", "john", 1],
    ["micheal", "michael", 2],
    ["stephen", "steven", 3],
    ["j", "john", 4],
    ["john", "mary", 5],
    ["", "mary", -1],
  ])("%s / %s → level %d", (a, b, level) => expect(givenNameLevel(a, b, soundOf(a), soundOf(b))).toBe(level));
});

describe("DUP-1: surnames", () => {
  it.each([
    ["smith", "smith", 0],
    ["smith", "smyth", 1],
    ["thompson", "tomson", 1],
    ["philips", "fillips", 2],
    ["knight", "nite", 2],
    ["", "smith", -1],
    ["smith", "jones", 4],
  ])("%s / %s → level %d", (a, b, level) => expect(surnameLevel(a, b, soundOf(a), soundOf(b))).toBe(level));
});

describe("DUP-1: each comparison sorts a pair into a level", () => {
  it.each([
    ["people", "email", { email: "Jon@Acme.com" }, { email: "jon@acme.com" }, "same"],
    ["people", "email", { email: "jon.smith@acme.com" }, { email: "jon.smith@gmail.com" }, "same-local-part"],
    ["people", "email", { email: "a@acme.com" }, { email: "b@acme.com" }, "different"],
    ["people", "email", { email: "" }, { email: "b@acme.com" }, null],
    ["people", "phone", { phone: "(312) 542-1640" }, { phone: "+1 312 542 1640" }, "same"],
    ["people", "phone", { phone: "312-542-1640" }, { phone: "5421640" }, "same-local-number"],
    ["people", "phone", { phone: "5421640" }, { phone: "5421641" }, "one-digit-off"],
    ["people", "birthDate", { birthDate: "19560409" }, { birthDate: "1956-04-09" }, "same"],
    ["people", "birthDate", { birthDate: "19560409" }, { birthDate: "19560904" }, "close"],
    ["people", "birthDate", { birthDate: "19560409" }, { birthDate: "19561225" }, "same-year"],
    ["people", "address", { address: "4217 W. 18th St." }, { address: "4217 West 18th Street" }, "same"],
    ["people", "address", { address: "4217 W 18th St" }, { address: "4217 W 18th Str Apt 2" }, "close"],
    ["people", "address", { address: "4217 W 18th St" }, { address: "1073 W Maxwell St" }, "different-number"],
    ["people", "postcode", { postcode: "2119" }, { postcode: "2191" }, "one-digit-off"],
    ["people", "company", { company: "Acme Inc." }, { company: "ACME" }, "same"],
    ["companies", "name", { name: "The Acme Company" }, { name: "Acme Co." }, "same"],
    ["companies", "name", { name: "Chicago Commons PauloFreire" }, { name: "Chicago Commons Paulo Freire" }, "close"],
    ["companies", "domain", { website: "www.acme.com" }, { website: "https://acme.com/about" }, "same"],
  ] as const)("%s %s: %j / %j → %s", (entity, key, a, b, expected) =>
    expect(levelName(entity, key, a, b)).toBe(expected),
  );
});

describe("DUP-1: company names weigh rare words more", () => {
  it("words every record shares say little", () => {
    const names = [
      "Hull House Association Lawndale",
      "Hull House Association Uptown",
      "Hull House Association Parkway",
      "Acme",
    ];
    const features = names.map((name, i) => matchFeatures("companies", { id: String(i), values: { name } }));
    const counts = new Map<string, number>();
    for (const f of features) for (const w of f.nameWords) counts.set(w, (counts.get(w) ?? 0) + 1);
    for (const f of features) weighNameWords(f, features.length, (w) => counts.get(w) ?? 1);
    const plain = 3 / 5; // shared words over all words, unweighted
    expect(rareWordSimilarity(features[0]!, features[1]!)).toBeLessThan(plain);
    expect(rareWordSimilarity(features[0]!, features[0]!)).toBeCloseTo(1);
  });
});
