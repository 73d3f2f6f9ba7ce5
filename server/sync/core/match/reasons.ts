/**
 * Why a pair looks like a duplicate, in words a rep reads in the review queue: "same email",
 * "names sound alike (Jon/John Smyth/Smith)", "same company domain". Only the evidence for a
 * match is named, strongest first. Pure.
 */
import { COMPARISONS } from "./comparisons";
import type { TMatchEntity } from "./fields";
import type { TFeatures } from "./features";
import type { TComparisonVector, TMatchModel } from "./model";

const PLAIN: Record<string, Record<string, string>> = {
  email: { same: "same email", "same-local-part": "same email name at another domain" },
  phone: {
    same: "same phone",
    "same-local-number": "same local phone number",
    "one-digit-off": "phones one digit apart",
  },
  birthDate: { same: "same date of birth", close: "dates of birth one typo apart", "same-year": "born the same year" },
  address: { same: "same address", close: "similar address", partly: "address partly the same" },
  city: { same: "same city", close: "similar city" },
  postcode: { same: "same postcode", "one-digit-off": "postcodes one character apart" },
  company: { same: "same company", close: "similar company name" },
  title: { same: "same title" },
  country: { same: "same country" },
  domain: { same: "same company domain" },
  name: { same: "same name", close: "similar names", partly: "names share words" },
};

function peopleNameReason(vector: TComparisonVector, a: TFeatures, b: TFeatures): string | null {
  const first = vector.levels[0] ?? -1;
  const last = vector.levels[1] ?? -1;
  const bFirst = vector.swappedNames ? b.display.last : b.display.first;
  const bLast = vector.swappedNames ? b.display.first : b.display.last;
  if (vector.swappedNames && first === 0 && last === 0)
    return `first and last names swapped (${a.display.name}/${b.display.name})`;
  if (first === 0 && last === 0) return `same name (${a.display.name})`;
  if (first < 0 || last < 0 || first > 4 || last > 3) return null;
  const firstNames = first === 0 ? a.display.first : `${a.display.first}/${bFirst}`;
  const lastNames = last === 0 ? a.display.last : `${a.display.last}/${bLast}`;
  const pair = `${firstNames} ${lastNames}`;
  const swapped = vector.swappedNames ? ", first and last swapped" : "";
  if (first === 1) return `nickname of the same name (${pair}${swapped})`;
  if (first === 4) return `same initial and surname (${pair}${swapped})`;
  if (first === 3 || last === 2) return `names sound alike (${pair}${swapped})`;
  return `names spelled nearly the same (${pair}${swapped})`;
}

export function matchReasons(
  entity: TMatchEntity,
  model: TMatchModel,
  vector: TComparisonVector,
  a: TFeatures,
  b: TFeatures,
): string[] {
  const comparisons = COMPARISONS[entity];
  const found: Array<{ text: string; weight: number }> = [];
  for (let c = entity === "people" ? 2 : 0; c < comparisons.length; c += 1) {
    const level = vector.levels[c]!;
    if (level < 0) continue;
    const weight = model.weights[c]![level]!;
    if (weight <= 0) continue;
    const comparison = comparisons[c]!;
    // A domain taken from the same email says nothing the email did not.
    if (comparison.key === "domain" && a.email && a.email === b.email) continue;
    let text = PLAIN[comparison.key]?.[comparison.levels[level]!.name];
    if (!text) continue;
    if (comparison.key === "name" && level > 0) text = `${text} (${a.display.name}/${b.display.name})`;
    found.push({ text, weight });
  }
  if (entity === "people") {
    const text = peopleNameReason(vector, a, b);
    const weight =
      Math.max(0, model.weights[0]![vector.levels[0]!] ?? 0) + Math.max(0, model.weights[1]![vector.levels[1]!] ?? 0);
    if (text && weight > 0) found.push({ text, weight });
  }
  return found.sort((x, y) => y.weight - x.weight).map((reason) => reason.text);
}
