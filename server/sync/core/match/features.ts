/**
 * A record's values normalised once for blocking and comparison: names folded with their
 * nickname groups and phonetic keys, emails and phones in one form, registrable domains, company
 * names without legal suffixes, addresses split into number and street words. Pure.
 */
import { doubleMetaphone } from "double-metaphone";
import {
  companyDomainOfEmail,
  isFreeMailDomain,
  normalizeDomain,
  normalizeEmailAddress,
  normalizePhone,
} from "../normalize";
import type { TMatchEntity, TMatchField, TMatchRecord } from "./fields";
import { formalNamesOf } from "./nicknames/nicknames";
import { foldText, words } from "./text";

export type TFeatures = {
  id: string;
  entity: TMatchEntity;
  /** People: first given name (folded, one word), its formal names and phonetic key. */
  first: string;
  firstFormal: readonly string[];
  firstSound: string;
  /** People: surname, all its words joined ("van der berg" → "vanderberg"), and its phonetic key. */
  last: string;
  lastSound: string;
  /** Companies: the name without legal suffixes or "the", as words and as one key. */
  name: string;
  nameWords: readonly string[];
  /** Per name word, how rare it is among the records compared (see `weighNameWords`); 1 until then. */
  nameRarity: number[];
  /**
   * The share of the records compared that hold this exact phone, email or (companies) name
   * (see `shareKeys`); 0 until known. A switchboard number every site of one organisation gives
   * is weak evidence that two of them are the same site.
   */
  shares: { phone: number; email: number; name: number };
  email: string;
  emailLocal: string;
  /** A company domain from the website, or from a non-free email. */
  domain: string;
  /** E.164 (or digits), and its last seven digits (a local number without its area code). */
  phone: string;
  phoneLocal: string;
  company: string;
  companyWords: readonly string[];
  title: string;
  address: string;
  streetNumber: string;
  streetWords: readonly string[];
  city: string;
  postcode: string;
  country: string;
  /** YYYYMMDD when the date reads unambiguously, else its digits. */
  birthDate: string;
  /** What the record showed, for reasons ("Jon Smyth"). */
  display: { first: string; last: string; name: string };
};

/** Legal forms and filler words that do not tell two companies apart. */
const COMPANY_NOISE = new Set([
  "the",
  "inc",
  "incorporated",
  "llc",
  "llp",
  "lp",
  "ltd",
  "limited",
  "corp",
  "corporation",
  "co",
  "company",
  "plc",
  "gmbh",
  "ag",
  "sa",
  "sas",
  "sarl",
  "srl",
  "spa",
  "bv",
  "nv",
  "pty",
  "oy",
  "ab",
  "kg",
  "kk",
  "pllc",
  "pc",
]);

/** Street words in their long form, so "St." and "Street" agree. */
const STREET_WORDS: Record<string, string> = {
  st: "street",
  str: "street",
  ave: "avenue",
  av: "avenue",
  rd: "road",
  blvd: "boulevard",
  dr: "drive",
  ln: "lane",
  ct: "court",
  pl: "place",
  pkwy: "parkway",
  hwy: "highway",
  sq: "square",
  ter: "terrace",
  cres: "crescent",
  n: "north",
  s: "south",
  e: "east",
  w: "west",
  ste: "suite",
  apt: "apartment",
  fl: "floor",
};

export function soundOf(word: string): string {
  return word ? doubleMetaphone(word)[0] : "";
}

function companyWords(value: string | null | undefined): string[] {
  return words(foldText(value?.replace(/&/g, " and "))).filter((word) => !COMPANY_NOISE.has(word));
}

function splitFullName(fullName: string): { first: string; last: string } {
  const raw = fullName.trim();
  const comma = raw.indexOf(",");
  if (comma > 0) {
    // "Smith, John A." → last "smith", first "john"
    return { last: foldText(raw.slice(0, comma)), first: words(foldText(raw.slice(comma + 1)))[0] ?? "" };
  }
  const parts = words(foldText(raw));
  if (parts.length === 0) return { first: "", last: "" };
  if (parts.length === 1) return { first: "", last: parts[0]! };
  return { first: parts[0]!, last: parts[parts.length - 1]! };
}

function normalizeBirthDate(value: string | null | undefined): string {
  if (!value) return "";
  const text = value.trim();
  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/.exec(text);
  if (iso) return `${iso[1]}${iso[2]!.padStart(2, "0")}${iso[3]!.padStart(2, "0")}`;
  const digits = text.replace(/\D+/g, "");
  if (/^(19|20)\d{6}$/.test(digits)) return digits;
  const dayFirst = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  if (dayFirst) {
    // 03/04/1990 could be either order: keep the smaller number first, so both forms agree.
    const [a, b] = [Number(dayFirst[1]), Number(dayFirst[2])].sort((x, y) => x - y);
    return `${dayFirst[3]}${String(a).padStart(2, "0")}${String(b).padStart(2, "0")}`;
  }
  return digits;
}

/** Words after which a number is not the building's: "Suite 200", "PO Box 12", "Floor 3". */
const NOT_A_BUILDING = new Set(["suite", "apartment", "floor", "unit", "room", "box", "building", "bldg"]);

function addressParts(value: string | null | undefined) {
  const parts = words(foldText(value)).map((word) => STREET_WORDS[word] ?? word);
  const number = parts.find((word, i) => /^\d+[a-z]?$/.test(word) && !NOT_A_BUILDING.has(parts[i - 1] ?? "")) ?? "";
  const streetWords = parts.filter((word) => word !== number && !/^\d{5}$/.test(word));
  return { address: parts.join(" "), streetNumber: number, streetWords };
}

/** The features of one record. */
/**
 * The characters of a value the matcher reads. Salesforce's longest matched fields (Street,
 * Website) hold 255; a CSV cell can hold a megabyte, and comparing two such cells character by
 * character (Jaro-Winkler) would take minutes. What lies beyond is not evidence of anything.
 */
export const MAX_MATCHED_CHARS = 512;

function clipValues(values: TMatchRecord["values"]): TMatchRecord["values"] {
  let clipped: TMatchRecord["values"] | undefined;
  for (const [field, value] of Object.entries(values) as [TMatchField, string | null | undefined][]) {
    if (typeof value === "string" && value.length > MAX_MATCHED_CHARS) {
      clipped ??= { ...values };
      clipped[field] = value.slice(0, MAX_MATCHED_CHARS);
    }
  }
  return clipped ?? values;
}

export function matchFeatures(entity: TMatchEntity, record: TMatchRecord): TFeatures {
  const values = clipValues(record.values);
  const emailNormalized = normalizeEmailAddress(values.email) ?? "";
  const phone = normalizePhone(values.phone) ?? "";
  const phoneDigits = phone.replace(/\D+/g, "");
  const address = addressParts(values.address);
  const websiteDomain = normalizeDomain(values.website) ?? "";
  const base = {
    id: record.id,
    entity,
    email: emailNormalized,
    emailLocal: emailNormalized ? emailNormalized.slice(0, emailNormalized.indexOf("@")) : "",
    phone,
    phoneLocal: phoneDigits.length >= 7 ? phoneDigits.slice(-7) : "",
    title: foldText(values.title),
    ...address,
    city: foldText(values.city),
    postcode: foldText(values.postcode).replace(/ /g, ""),
    country: foldText(values.country),
    birthDate: normalizeBirthDate(values.birthDate),
  };

  if (entity === "companies") {
    const nameWords = [...new Set(companyWords(values.name))];
    const emailDomain = emailNormalized ? companyDomainOfEmail(emailNormalized) : null;
    return {
      ...base,
      first: "",
      firstFormal: [],
      firstSound: "",
      last: "",
      lastSound: "",
      name: nameWords.join(" "),
      nameWords,
      nameRarity: nameWords.map(() => 1),
      shares: { phone: 0, email: 0, name: 0 },
      domain: websiteDomain || emailDomain || "",
      company: "",
      companyWords: [],
      display: { first: "", last: "", name: values.name?.trim() ?? "" },
    };
  }

  let first = words(foldText(values.firstName))[0] ?? "";
  let last = words(foldText(values.lastName)).join("");
  if ((!first || !last) && values.fullName) {
    const split = splitFullName(values.fullName);
    first ||= split.first;
    last ||= split.last.replace(/ /g, "");
  }
  const emailHost = emailNormalized.slice(emailNormalized.indexOf("@") + 1);
  const company = companyWords(values.company);
  return {
    ...base,
    first,
    firstFormal: first ? formalNamesOf(first) : [],
    firstSound: soundOf(first),
    last,
    lastSound: soundOf(last),
    name: "",
    nameWords: [],
    nameRarity: [],
    shares: { phone: 0, email: 0, name: 0 },
    domain:
      websiteDomain || (emailHost && !isFreeMailDomain(emailHost) ? (companyDomainOfEmail(emailNormalized) ?? "") : ""),
    company: company.join(" "),
    companyWords: company,
    display: {
      first: values.firstName?.trim() || first,
      last: values.lastName?.trim() || last,
      name: [values.firstName, values.lastName].filter(Boolean).join(" ").trim() || values.fullName?.trim() || "",
    },
  };
}

/** How many records' names use each word (a word counts once per record). */
export function nameWordCounts(features: readonly TFeatures[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const feature of features)
    for (const word of new Set(feature.nameWords)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

/**
 * Weighs each name word by its rarity, log(1 + records / records using it): a word in every
 * second name says little, one in two names says much. `count` gives a word's record count.
 */
export function weighNameWords(feature: TFeatures, records: number, count: (word: string) => number): void {
  feature.nameRarity = feature.nameWords.map((word) => Math.log(1 + records / Math.max(1, count(word))));
}

/** The keys whose frequency `shares` records: the same forms as the blocking keys. */
export function shareKeys(feature: TFeatures): { phone: string; email: string; name: string } {
  return {
    phone: feature.phoneLocal ? `p:${feature.phoneLocal}` : feature.phone ? `p:${feature.phone}` : "",
    email: feature.email ? `e:${feature.email}` : "",
    name: feature.entity === "companies" && feature.name ? `n:${feature.name}` : "",
  };
}

/** Sets each record's shares from `count(key)`, the number of records holding that key. */
export function weighShares(feature: TFeatures, records: number, count: (key: string) => number): void {
  const keys = shareKeys(feature);
  // The two records of a pair do not make their value common: only the others holding it count.
  const share = (key: string) => (key ? Math.max(0, count(key) - 2) / Math.max(1, records) : 0);
  feature.shares = { phone: share(keys.phone), email: share(keys.email), name: share(keys.name) };
}

/** Shares for a whole set. */
export function weighAllShares(features: readonly TFeatures[]): void {
  const counts = new Map<string, number>();
  for (const feature of features) {
    for (const key of Object.values(shareKeys(feature))) if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  for (const feature of features) weighShares(feature, features.length, (key) => counts.get(key) ?? 1);
}
