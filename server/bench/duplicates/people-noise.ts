/**
 * The ways a person's second record differs from the first in a real contact list, each applied
 * to a copy of the first: a typo, swapped names, a nickname, fields left out, the phone written
 * another way, or nothing at all (an exact copy, as a double import makes).
 */
import type { Faker } from "@faker-js/faker";
import { NICKNAMES_CSV } from "@/server/sync/core/match/nicknames/names-csv";
import { reformatPhone } from "@/server/emulator/seed/sample-prospect-values";

export type TPersonValues = {
  firstName: string;
  lastName: string;
  email?: string;
  phone?: string;
  company?: string;
  title?: string;
  address?: string;
  city?: string;
  postcode?: string;
  country?: string;
};

export const NOISE_KINDS = [
  "typo",
  "swapped-names",
  "nickname",
  "missing-fields",
  "phone-format",
  "exact-copy",
] as const;
export type TNoiseKind = (typeof NOISE_KINDS)[number];

/** How often each change is picked for a duplicate; a duplicate gets one to three of them. */
const NOISE_WEIGHTS: Array<{ weight: number; value: Exclude<TNoiseKind, "exact-copy"> }> = [
  { weight: 35, value: "typo" },
  { weight: 30, value: "missing-fields" },
  { weight: 20, value: "phone-format" },
  { weight: 15, value: "nickname" },
  { weight: 10, value: "swapped-names" },
];
const EXACT_COPY_SHARE = 0.05;

let nicknames: Map<string, string[]> | null = null;

/** Formal given names (lower case) and their nicknames, from the dataset the matcher reads. */
export function nicknamesByFormalName(): ReadonlyMap<string, readonly string[]> {
  if (nicknames) return nicknames;
  const built = new Map<string, string[]>();
  for (const line of NICKNAMES_CSV.split("\n")) {
    const [formal, relation, nickname] = line.split(",");
    // Two-letter nicknames ("al", "ed") are kept out: they read as initials more than names.
    if (!formal || !nickname || relation !== "has_nickname" || nickname === formal || nickname.length < 3) continue;
    built.set(formal, [...(built.get(formal) ?? []), nickname]);
  }
  nicknames = built;
  return built;
}

const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** The noise a new duplicate gets: an exact copy now and then, else one to three distinct changes. */
export function drawNoise(f: Faker): TNoiseKind[] {
  if (f.datatype.boolean({ probability: EXACT_COPY_SHARE })) return ["exact-copy"];
  const count = f.helpers.weightedArrayElement([
    { weight: 6, value: 1 },
    { weight: 3, value: 2 },
    { weight: 1, value: 3 },
  ]);
  const kinds = new Set<TNoiseKind>();
  while (kinds.size < count) kinds.add(f.helpers.weightedArrayElement(NOISE_WEIGHTS));
  return [...kinds];
}

/**
 * One keyboard slip in `text` at or after `from`: a letter replaced, added, dropped, or swapped
 * with its neighbour. The result always differs from the text.
 */
export function typoIn(f: Faker, text: string, from = 0): string {
  if (text.length - from < 2) return `${text}${f.string.alpha({ length: 1, casing: "lower" })}`;
  for (;;) {
    const at = f.number.int({ min: from, max: text.length - 1 });
    const letter = f.string.alpha({ length: 1, casing: "lower" });
    const kind = f.helpers.arrayElement(["replace", "insert", "delete", "swap"] as const);
    const typed =
      kind === "replace"
        ? text.slice(0, at) + letter + text.slice(at + 1)
        : kind === "insert"
          ? text.slice(0, at) + letter + text.slice(at)
          : kind === "delete"
            ? text.slice(0, at) + text.slice(at + 1)
            : at + 1 < text.length
              ? text.slice(0, at) + text[at + 1] + text[at] + text.slice(at + 2)
              : text;
    if (typed !== text && typed.trim() !== "") return typed;
  }
}

function applyTypo(f: Faker, values: TPersonValues): void {
  const fields = (["firstName", "lastName", "email", "address"] as const).filter((field) => values[field]);
  const field = f.helpers.arrayElement(fields);
  if (field === "email") {
    const at = values.email!.indexOf("@");
    values.email = typoIn(f, values.email!.slice(0, at)) + values.email!.slice(at);
  } else if (field === "address") {
    // In the street name, after the building number.
    const street = values.address!.search(/[A-Za-z]/);
    values.address = typoIn(f, values.address!, Math.max(0, street));
  } else values[field] = typoIn(f, values[field]);
}

function dropFields(f: Faker, values: TPersonValues): void {
  const present = (["email", "phone", "address"] as const).filter((field) => values[field]);
  const dropped = f.helpers.arrayElements(present, { min: 1, max: Math.min(2, present.length) });
  for (const field of dropped) {
    delete values[field];
    if (field === "address" && f.datatype.boolean()) {
      delete values.city;
      delete values.postcode;
    }
  }
}

/** Whether a duplicate of this person can carry `kind` (a nickname needs a formal first name). */
export function canCarry(values: TPersonValues, kind: TNoiseKind): boolean {
  if (kind === "nickname") return nicknamesByFormalName().has(values.firstName.toLowerCase());
  if (kind === "phone-format") return Boolean(values.phone);
  if (kind === "missing-fields") return Boolean(values.email || values.phone || values.address);
  return true;
}

/** A second record of `original` with the given noise applied, in a fixed order. */
export function duplicateWithNoise(f: Faker, original: TPersonValues, noise: readonly TNoiseKind[]): TPersonValues {
  const values: TPersonValues = { ...original };
  if (noise.includes("nickname")) {
    const options = nicknamesByFormalName().get(values.firstName.toLowerCase()) ?? [];
    if (options.length > 0) values.firstName = capitalize(f.helpers.arrayElement(options));
  }
  if (noise.includes("typo")) applyTypo(f, values);
  if (noise.includes("phone-format") && values.phone) values.phone = reformatPhone(f, values.phone);
  if (noise.includes("missing-fields")) dropFields(f, values);
  if (noise.includes("swapped-names")) [values.firstName, values.lastName] = [values.lastName, values.firstName];
  return values;
}
