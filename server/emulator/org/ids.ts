/**
 * Salesforce record Ids: a 3-character key prefix, 12 characters of instance and counter, and
 * (for the 18-character form) a 3-character suffix that encodes which of the first 15
 * characters are upper case, so the Id survives case-insensitive systems.
 */
const SUFFIX_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

export function checksumSuffix(id15: string): string {
  let suffix = "";
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id15.charCodeAt(chunk * 5 + i);
      if (c >= 65 && c <= 90) bits |= 1 << i;
    }
    suffix += SUFFIX_ALPHABET[bits];
  }
  return suffix;
}

export function to18(id15: string): string {
  return id15 + checksumSuffix(id15);
}

const ID_PATTERN = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

/** Normalises a 15- or 18-character Id to 18 characters; null when it is not an Id at all. */
export function normalizeId(value: string): string | null {
  if (!ID_PATTERN.test(value)) return null;
  const id15 = value.slice(0, 15);
  if (value.length === 18 && value.slice(15).toUpperCase() !== checksumSuffix(id15)) return null;
  return to18(id15);
}

/** Builds the 15-character body: prefix + pod "5g" + 10 base62 digits of the counter. */
export function makeId(prefix: string, counter: number): string {
  let digits = "";
  let n = counter;
  for (let i = 0; i < 10; i++) {
    digits = BASE62[n % 62] + digits;
    n = Math.floor(n / 62);
  }
  return to18(`${prefix}5g${digits}`);
}

export class IdGenerator {
  private readonly counters = new Map<string, number>();

  constructor(private readonly start = 1) {}

  next(prefix: string): string {
    const n = (this.counters.get(prefix) ?? this.start) + 1;
    this.counters.set(prefix, n);
    return makeId(prefix, n);
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries(this.counters);
  }

  restore(values: Record<string, number>): void {
    this.counters.clear();
    for (const [k, v] of Object.entries(values)) this.counters.set(k, v);
  }
}
