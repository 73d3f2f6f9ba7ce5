import { AppError } from "@/server/errors";
import { MATCH_FIELDS, type TMatchEntity, type TMatchField } from "@/server/sync/core/match/fields";

/** `ignore` leaves out a column that a header guess would otherwise use. */
export type TMapTarget = TMatchField | "ignore";
export type TMapEntry = { header: string; target: TMapTarget };

/** The fields --map can name for an entity, as its error messages list them. */
export function mapTargets(entity: TMatchEntity): TMapTarget[] {
  return [...MATCH_FIELDS[entity], "ignore"];
}

/**
 * `--map "Header=field,…"`, checked without the file: each pair has a header and one of the
 * entity's fields (any case: `Email`, `email`), and names its header once. Several headers may
 * name one field. A header holding "," or "=" cannot be named.
 */
export function parseMapOption(option: string, entity: TMatchEntity): TMapEntry[] {
  const targets = mapTargets(entity);
  const entries: TMapEntry[] = [];
  for (const pair of option.split(",")) {
    if (!pair.trim()) continue;
    const at = pair.lastIndexOf("=");
    if (at < 0) {
      throw new AppError(
        "BAD_REQUEST",
        `--map takes Header=field pairs separated by commas; "${pair.trim()}" has no "=".`,
      );
    }
    const header = pair.slice(0, at).trim();
    const name = pair.slice(at + 1).trim();
    if (!header) throw new AppError("BAD_REQUEST", `--map: "${pair.trim()}" names no column before "=".`);
    const target = targets.find((candidate) => candidate.toLowerCase() === name.toLowerCase());
    if (!target) {
      throw new AppError(
        "BAD_REQUEST",
        `--map: "${name}" is not a field dedupe matches ${entity} on. Use one of: ${targets.join(", ")} (ignore leaves the column out).`,
      );
    }
    if (entries.some((entry) => entry.header === header)) {
      throw new AppError("BAD_REQUEST", `--map names the column "${header}" twice; give it one field.`);
    }
    entries.push({ header, target });
  }
  return entries;
}
