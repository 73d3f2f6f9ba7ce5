import type { TMatchEntity } from "@/server/duplicates/duplicate-vocabulary";

/** The fields whose typing starts a look-up: a name, an email, a phone or a website. */
const LOOKUP_FIELDS: Record<TMatchEntity, readonly string[]> = {
  people: ["firstName", "lastName", "email", "phone"],
  companies: ["name", "website", "phone"],
};

/** Shorter than this, a value says too little to look for a duplicate. */
const MIN_LENGTH = 2;

/**
 * DUP-4: what a create form sends to look for records it would duplicate: its filled values,
 * trimmed, or null while no name, email, phone or website is filled in enough to go on.
 */
export function similarLookupValues(
  entity: TMatchEntity,
  values: Readonly<Record<string, string | null | undefined>>,
): Record<string, string> | null {
  const filled = Object.fromEntries(
    Object.entries(values).flatMap(([field, value]) => {
      const trimmed = value?.trim() ?? "";
      return trimmed === "" ? [] : [[field, trimmed.slice(0, 500)]];
    }),
  );
  const enough = LOOKUP_FIELDS[entity].some((field) => (filled[field]?.length ?? 0) >= MIN_LENGTH);
  return enough ? filled : null;
}
