import type { Rec } from "./store";

/**
 * Live records grouped by the trimmed, lower-cased values of some fields: what duplicate rules,
 * cascade deletes and merge reparenting look up, without scanning a million rows per write.
 */
export class LookupIndex {
  readonly map = new Map<string, Set<string>>();

  constructor(readonly fields: string[]) {}

  static keyOf(fields: string[]): string {
    return fields.map((f) => f.toLowerCase()).join("\u0000");
  }

  key(rec: Rec | undefined): string | null {
    if (!rec || rec.IsDeleted === true) return null;
    const parts: string[] = [];
    for (const f of this.fields) {
      const v = rec[f];
      if (v === null || v === undefined) return null;
      const s = String(v).trim().toLowerCase();
      if (s === "") return null;
      parts.push(s);
    }
    return parts.join("\u0000");
  }

  update(before: Rec | undefined, after: Rec | undefined): void {
    const oldKey = this.key(before);
    const newKey = this.key(after);
    if (oldKey === newKey) return;
    if (oldKey !== null) {
      const set = this.map.get(oldKey);
      set?.delete(before!.Id as string);
      if (set?.size === 0) this.map.delete(oldKey);
    }
    if (newKey !== null) {
      let set = this.map.get(newKey);
      if (!set) this.map.set(newKey, (set = new Set()));
      set.add(after!.Id as string);
    }
  }

  find(rec: Rec): string[] {
    const k = this.key(rec);
    return k === null ? [] : [...(this.map.get(k) ?? [])];
  }
}
