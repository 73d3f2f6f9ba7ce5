/**
 * The field comparisons of the Fellegi–Sunter model, per entity. Each sorts a pair into one of a
 * few agreement levels (best first, the last one "different"), or says nothing when either side
 * lacks the value, so missing data neither helps nor hurts. Each level has a prior m (how often a
 * true duplicate lands there) and u (how often two unrelated records do); `estimateModel` replaces
 * u with what the data itself shows. Pure.
 */
import { jaroWinkler } from "@skyra/jaro-winkler";
import type { TMatchEntity } from "./fields";
import type { TFeatures } from "./features";
import { areNicknames } from "./nicknames/nicknames";
import { withinOneEdit, wordOverlap } from "./text";

export type TLevel = { name: string; m: number; u: number };
export type TComparison = {
  key: string;
  levels: readonly TLevel[];
  /** The level index, or -1 when either record lacks the value. */
  level(a: TFeatures, b: TFeatures): number;
};

const similar = (a: string, b: string) => jaroWinkler(a, b);

/** Given names and surnames: exact, nickname, typo, sound-alike, initial. */
export function givenNameLevel(x: string, y: string, soundX: string, soundY: string): number {
  if (!x || !y) return -1;
  if (x === y) return 0;
  if (areNicknames(x, y)) return 1;
  if (withinOneEdit(x, y) || similar(x, y) >= 0.92) return 2;
  if (soundX && soundX === soundY) return 3;
  if ((x.length === 1 || y.length === 1) && x[0] === y[0]) return 4;
  return 5;
}

export function surnameLevel(x: string, y: string, soundX: string, soundY: string): number {
  if (!x || !y) return -1;
  if (x === y) return 0;
  if (withinOneEdit(x, y) || similar(x, y) >= 0.92) return 1;
  if (soundX && soundX === soundY) return 2;
  if (similar(x, y) >= 0.84) return 3;
  return 4;
}

const exactOnly = (key: string, m: number, u: number, pick: (f: TFeatures) => string): TComparison => ({
  key,
  levels: [
    { name: "same", m, u },
    { name: "different", m: 1 - m, u: 1 - u },
  ],
  level(a, b) {
    const x = pick(a);
    const y = pick(b);
    if (!x || !y) return -1;
    return x === y ? 0 : 1;
  },
});

const email: TComparison = {
  key: "email",
  levels: [
    { name: "same", m: 0.85, u: 0.00001 },
    { name: "same-local-part", m: 0.05, u: 0.0001 },
    { name: "different", m: 0.1, u: 0.99989 },
  ],
  level(a, b) {
    if (!a.email || !b.email) return -1;
    if (a.email === b.email) return 0;
    return a.emailLocal.length >= 3 && a.emailLocal === b.emailLocal ? 1 : 2;
  },
};

const phoneLevel: TComparison["level"] = (a, b) => {
  if (!a.phone || !b.phone) return -1;
  if (a.phone === b.phone) return 0;
  if (a.phoneLocal && a.phoneLocal === b.phoneLocal) return 1;
  return a.phone.length >= 7 && withinOneEdit(a.phone, b.phone) ? 2 : 3;
};

const phone: TComparison = {
  key: "phone",
  levels: [
    { name: "same", m: 0.8, u: 0.0001 },
    { name: "same-local-number", m: 0.05, u: 0.0002 },
    { name: "one-digit-off", m: 0.03, u: 0.001 },
    { name: "different", m: 0.12, u: 0.9987 },
  ],
  level: phoneLevel,
};

/** A company's records often carry different numbers (a branch, the front desk, a fax). */
const companyPhone: TComparison = {
  key: "phone",
  levels: [
    { name: "same", m: 0.6, u: 0.0001 },
    { name: "same-local-number", m: 0.05, u: 0.0002 },
    { name: "one-digit-off", m: 0.05, u: 0.001 },
    { name: "different", m: 0.3, u: 0.9987 },
  ],
  level: phoneLevel,
};

const birthDate: TComparison = {
  key: "birthDate",
  levels: [
    { name: "same", m: 0.85, u: 0.0001 },
    { name: "close", m: 0.08, u: 0.001 },
    { name: "same-year", m: 0.02, u: 0.01 },
    { name: "different", m: 0.05, u: 0.9889 },
  ],
  level(a, b) {
    const x = a.birthDate;
    const y = b.birthDate;
    if (!x || !y) return -1;
    if (x === y) return 0;
    const swapped =
      x.length === 8 &&
      y.length === 8 &&
      x.slice(0, 4) === y.slice(0, 4) &&
      x.slice(4, 6) === y.slice(6, 8) &&
      x.slice(6, 8) === y.slice(4, 6);
    if (swapped || withinOneEdit(x, y)) return 1;
    return x.length === 8 && y.length === 8 && x.slice(0, 4) === y.slice(0, 4) ? 2 : 3;
  },
};

const address: TComparison = {
  key: "address",
  levels: [
    { name: "same", m: 0.6, u: 0.0001 },
    { name: "close", m: 0.25, u: 0.0005 },
    { name: "partly", m: 0.08, u: 0.01 },
    { name: "different", m: 0.05, u: 0.5 },
    { name: "different-number", m: 0.02, u: 0.4894 },
  ],
  level(a, b) {
    if (!a.address || !b.address) return -1;
    if (a.address === b.address) return 0;
    const sameNumber = a.streetNumber !== "" && a.streetNumber === b.streetNumber;
    if (sameNumber && similar(a.streetWords.join(" "), b.streetWords.join(" ")) >= 0.88) return 1;
    if (sameNumber) return 2;
    // Two buildings: both give a number and the numbers differ.
    if (a.streetNumber && b.streetNumber) return 4;
    return wordOverlap(a.streetWords, b.streetWords) >= 0.5 ? 2 : 3;
  },
};

const city: TComparison = {
  key: "city",
  levels: [
    { name: "same", m: 0.85, u: 0.01 },
    { name: "close", m: 0.07, u: 0.005 },
    { name: "different", m: 0.08, u: 0.985 },
  ],
  level(a, b) {
    if (!a.city || !b.city) return -1;
    if (a.city === b.city) return 0;
    return similar(a.city, b.city) >= 0.9 ? 1 : 2;
  },
};

const postcode: TComparison = {
  key: "postcode",
  levels: [
    { name: "same", m: 0.85, u: 0.001 },
    { name: "one-digit-off", m: 0.08, u: 0.01 },
    { name: "different", m: 0.07, u: 0.989 },
  ],
  level(a, b) {
    if (!a.postcode || !b.postcode) return -1;
    if (a.postcode === b.postcode) return 0;
    return withinOneEdit(a.postcode, b.postcode) ? 1 : 2;
  },
};

const domain = exactOnly("domain", 0.85, 0.0005, (f) => f.domain);
const country = exactOnly("country", 0.95, 0.3, (f) => f.country);
const title = exactOnly("title", 0.5, 0.01, (f) => f.title);

const employer: TComparison = {
  key: "company",
  levels: [
    { name: "same", m: 0.6, u: 0.001 },
    { name: "close", m: 0.25, u: 0.005 },
    { name: "different", m: 0.15, u: 0.994 },
  ],
  level(a, b) {
    if (!a.company || !b.company) return -1;
    if (a.company === b.company) return 0;
    return wordOverlap(a.companyWords, b.companyWords) >= 0.5 || similar(a.company, b.company) >= 0.9 ? 1 : 2;
  },
};

/** People's names are compared as a pair (see `nameLevels`), so swapped names still agree. */
export const FIRST_NAME: TComparison = {
  key: "firstName",
  levels: [
    { name: "same", m: 0.8, u: 0.005 },
    { name: "nickname", m: 0.04, u: 0.001 },
    { name: "typo", m: 0.07, u: 0.002 },
    { name: "sounds-alike", m: 0.03, u: 0.005 },
    { name: "initial", m: 0.02, u: 0.01 },
    { name: "different", m: 0.04, u: 0.977 },
  ],
  level: (a, b) => givenNameLevel(a.first, b.first, a.firstSound, b.firstSound),
};

export const LAST_NAME: TComparison = {
  key: "lastName",
  levels: [
    { name: "same", m: 0.85, u: 0.002 },
    { name: "typo", m: 0.07, u: 0.001 },
    { name: "sounds-alike", m: 0.03, u: 0.003 },
    { name: "close", m: 0.02, u: 0.01 },
    { name: "different", m: 0.03, u: 0.984 },
  ],
  level: (a, b) => surnameLevel(a.last, b.last, a.lastSound, b.lastSound),
};

/**
 * Cosine similarity of two company names' words, each weighted by its rarity among the records
 * (inverse document frequency): "Hull House Association – Lawndale" and "Hull House Association –
 * Uptown" share only the words every Hull House site has.
 */
export function rareWordSimilarity(a: TFeatures, b: TFeatures): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  const rarityB = new Map<string, number>();
  b.nameWords.forEach((word, i) => {
    const weight = b.nameRarity[i] ?? 1;
    rarityB.set(word, weight);
    normB += weight ** 2;
  });
  a.nameWords.forEach((word, i) => {
    const weight = a.nameRarity[i] ?? 1;
    normA += weight ** 2;
    if (rarityB.has(word)) dot += weight * (rarityB.get(word) ?? 0);
  });
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB);
}

const companyName: TComparison = {
  key: "name",
  levels: [
    { name: "same", m: 0.55, u: 0.0005 },
    { name: "close", m: 0.2, u: 0.001 },
    { name: "partly", m: 0.15, u: 0.02 },
    { name: "different", m: 0.1, u: 0.9785 },
  ],
  level(a, b) {
    if (!a.name || !b.name) return -1;
    if (a.name === b.name) return 0;
    const shared = rareWordSimilarity(a, b);
    const jw = similar(a.name, b.name);
    if (shared >= 0.8 || jw >= 0.96 || a.name.replace(/ /g, "") === b.name.replace(/ /g, "")) return 1;
    if (shared >= 0.5 || jw >= 0.9) return 2;
    return 3;
  },
};

export const COMPARISONS: Record<TMatchEntity, readonly TComparison[]> = {
  people: [FIRST_NAME, LAST_NAME, email, phone, birthDate, address, city, postcode, employer, title, country, domain],
  companies: [companyName, domain, email, companyPhone, address, city, postcode, country],
};
