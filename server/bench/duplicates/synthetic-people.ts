/**
 * Synthetic people for the duplicate benchmark and its tests, the same for a seed on every run:
 * people at companies (work email at the company's domain, often the office address) and people
 * on free mail, living in a limited set of towns so that names, streets and postcodes recur as in
 * a real list. About 15% of the records are second records of another person, with noise
 * (people-noise.ts); the ground truth is each record's person.
 */
import { en, Faker } from "@faker-js/faker";
import { drawTitle, slug, workEmail } from "@/server/emulator/seed/sample-prospect-values";
import type { TMatchRecord } from "@/server/sync/core/match/fields";
import { canCarry, drawNoise, duplicateWithNoise, type TNoiseKind, type TPersonValues } from "./people-noise";

export type TSyntheticPeople = {
  records: TMatchRecord[];
  /** Per record: the person it describes (records of one person share it). */
  truth: string[];
  /** The injected duplicates, by index into `records`, with the record each copies. */
  duplicates: Array<{ index: number; originalIndex: number; noise: readonly TNoiseKind[] }>;
};

type TLocality = { city: string; postcode: string; country: string };
type TCompany = { name: string; domain: string; office: TLocality & { address: string } };

const FREE_MAIL = ["gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "aol.com"];
const TLDS = ["com", "com", "com", "io", "co", "net"];
const PHONE_FORMATS = [
  (area: string, exchange: string, line: string) => `+1 ${area} ${exchange} ${line}`,
  (area: string, exchange: string, line: string) => `(${area}) ${exchange}-${line}`,
  (area: string, exchange: string, line: string) => `${area}.${exchange}.${line}`,
  (area: string, exchange: string, line: string) => `${area}-${exchange}-${line}`,
];

/**
 * A source of new people for a list of about `size`: a town per 50 people and a company per six,
 * so coworkers share a company, a domain and often an address, and neighbours a postcode.
 */
export function createPeopleSource(seed: number, size: number) {
  const f = new Faker({ locale: [en] });
  f.seed(seed);
  const takenEmails = new Set<string>();

  const drawLocality = (): TLocality =>
    f.datatype.boolean({ probability: 0.9 })
      ? { city: f.location.city(), postcode: f.location.zipCode("#####"), country: "United States" }
      : { city: f.location.city(), postcode: f.location.zipCode("?#? #?#"), country: "Canada" };
  const localities = Array.from({ length: Math.max(20, Math.round(size / 50)) }, drawLocality);

  const takenDomains = new Set<string>();
  const companies: TCompany[] = Array.from({ length: Math.max(10, Math.round(size / 6)) }, () => {
    const name = f.company.name();
    let domain = `${slug(name).slice(0, 24)}.${f.helpers.arrayElement(TLDS)}`;
    while (takenDomains.has(domain)) domain = `${f.string.alpha({ length: 2, casing: "lower" })}${domain}`;
    takenDomains.add(domain);
    return { name, domain, office: { ...f.helpers.arrayElement(localities), address: f.location.streetAddress() } };
  });

  const drawPhone = () => {
    const area = String(f.number.int({ min: 201, max: 989 }));
    const exchange = String(f.number.int({ min: 200, max: 999 }));
    return f.helpers.arrayElement(PHONE_FORMATS)(area, exchange, f.string.numeric(4));
  };

  const freeMailLocal = (first: string, last: string) =>
    f.helpers.weightedArrayElement([
      { weight: 4, value: `${slug(first)}.${slug(last)}` },
      { weight: 2, value: `${slug(first)}${slug(last)}${f.number.int({ min: 1, max: 99 })}` },
      { weight: 2, value: `${slug(first).slice(0, 1)}${slug(last)}` },
      { weight: 1, value: `${slug(last)}.${slug(first)}` },
    ]);

  /** A unique address: a taken one gets digits, as mail providers make people do. */
  const uniqueEmail = (email: string) => {
    let candidate = email;
    const at = email.indexOf("@");
    while (takenEmails.has(candidate))
      candidate = `${email.slice(0, at)}${f.number.int({ min: 1, max: 999 })}${email.slice(at)}`;
    takenEmails.add(candidate);
    return candidate;
  };

  /** A new person, unrelated to any drawn before (names may repeat, as they do). */
  function drawPerson(): TPersonValues {
    const firstName = f.person.firstName();
    const lastName = f.person.lastName();
    const atCompany = f.datatype.boolean({ probability: 0.7 });
    const company = atCompany || f.datatype.boolean() ? f.helpers.arrayElement(companies) : undefined;
    const home = { ...f.helpers.arrayElement(localities), address: f.location.streetAddress() };
    const place = atCompany && company && f.datatype.boolean() ? company.office : home;
    const email = uniqueEmail(
      atCompany && company
        ? workEmail(f, firstName, lastName, company.domain)
        : `${freeMailLocal(firstName, lastName)}@${f.helpers.arrayElement(FREE_MAIL)}`,
    );
    const values: TPersonValues = {
      firstName,
      lastName,
      email,
      phone: drawPhone(),
      company: company?.name,
      title: company ? drawTitle(f).title : undefined,
      ...place,
    };
    // Records are incomplete before anyone copies them.
    if (f.datatype.boolean({ probability: 0.05 })) delete values.email;
    if (f.datatype.boolean({ probability: 0.15 })) delete values.phone;
    if (f.datatype.boolean({ probability: 0.1 })) delete values.address;
    return values;
  }

  /** A second record of `original` with the noise it can carry of `wanted` (drawn when not given). */
  function drawDuplicate(
    original: TPersonValues,
    wanted: readonly TNoiseKind[] = drawNoise(f),
  ): { values: TPersonValues; noise: TNoiseKind[] } {
    const carried = wanted.filter((kind) => canCarry(original, kind));
    const noise: TNoiseKind[] = carried.length > 0 ? carried : ["typo"];
    return { values: duplicateWithNoise(f, original, noise), noise };
  }

  return { faker: f, drawPerson, drawDuplicate };
}

/** A generated record's values as the person they were drawn from. */
export function personOf(record: TMatchRecord): TPersonValues {
  const { firstName, lastName, ...rest } = record.values;
  const optional = Object.entries(rest).filter((entry): entry is [string, string] => typeof entry[1] === "string");
  return { firstName: firstName ?? "", lastName: lastName ?? "", ...Object.fromEntries(optional) };
}

export type TPeopleSource = ReturnType<typeof createPeopleSource>;

/**
 * `count` records of which `duplicateShare` are second records of another, shuffled. Pass a
 * `source` to draw more people like them afterwards (it then decides the seed).
 */
export function generateSyntheticPeople(options: {
  count: number;
  seed?: number;
  duplicateShare?: number;
  source?: TPeopleSource;
}): TSyntheticPeople {
  const { count, seed = 1, duplicateShare = 0.15 } = options;
  const source = options.source ?? createPeopleSource(seed, count);
  const f = source.faker;
  const duplicateCount = Math.round(count * duplicateShare);
  const originals = Array.from({ length: count - duplicateCount }, () => source.drawPerson());
  const withNickname = originals.flatMap((person, index) => (canCarry(person, "nickname") ? [index] : []));

  const rows: Array<{ values: TPersonValues; person: number; copyOf?: number; noise?: readonly TNoiseKind[] }> =
    originals.map((values, person) => ({ values, person }));
  for (let k = 0; k < duplicateCount; k += 1) {
    // A nickname needs a formal first name: such duplicates copy one of the people who have one.
    const wanted = drawNoise(f);
    const person =
      wanted.includes("nickname") && withNickname.length > 0
        ? f.helpers.arrayElement(withNickname)
        : f.number.int(originals.length - 1);
    const { values, noise } = source.drawDuplicate(originals[person]!, wanted);
    rows.push({ values, person, copyOf: person, noise });
  }

  const order = f.helpers.shuffle(rows.map((_, index) => index));
  const positionOf = new Int32Array(rows.length);
  order.forEach((row, position) => (positionOf[row] = position));
  const records = order.map((row, position) => ({ id: `person-${position + 1}`, values: { ...rows[row]!.values } }));
  const truth = order.map((row) => `entity-${rows[row]!.person + 1}`);
  const duplicates = order.flatMap((row, position) => {
    const { copyOf, noise } = rows[row]!;
    return copyOf === undefined || !noise ? [] : [{ index: position, originalIndex: positionOf[copyOf]!, noise }];
  });
  return { records, truth, duplicates };
}
