import type { OrgContext } from "../context";
import { deriveFields } from "../org/derived-fields";
import type { Rec, SfValue, Table } from "../org/store";

interface Planned {
  table: Table;
  rec: Rec;
}

/**
 * Seeds records with past dates, bypassing the org's checks (seeded data may break validation
 * rules, as real orgs' data does). Records are written in SystemModstamp order so the stamp
 * index stays ordered, and every stamp is unique.
 */
export class SeedBuilder {
  private readonly planned: Planned[] = [];

  constructor(
    private readonly org: OrgContext,
    private readonly userId: string,
  ) {}

  add(
    objectName: string,
    fields: Record<string, SfValue | undefined>,
    createdAt: number,
    modifiedAt = createdAt,
  ): string {
    const table = this.org.store.requireTable(objectName);
    const id = this.org.store.ids.next(table.def.keyPrefix);
    const rec: Rec = { Id: id, IsDeleted: false };
    for (const f of table.def.fields) {
      if (f.type === "boolean") rec[f.name] = false;
      const dflt = f.picklistValues.find((p) => p.defaultValue);
      if (dflt) rec[f.name] = dflt.value;
    }
    if (table.def.byLowerName.has("ownerid")) rec.OwnerId = this.userId;
    for (const [k, v] of Object.entries(fields)) if (v !== undefined && v !== null) rec[k] = v;
    const has = (n: string) => table.def.byLowerName.has(n);
    if (has("createddate")) rec.CreatedDate = createdAt;
    if (has("createdbyid")) rec.CreatedById = (fields.CreatedById as string | undefined) ?? this.userId;
    if (has("lastmodifieddate")) rec.LastModifiedDate = modifiedAt;
    if (has("lastmodifiedbyid")) rec.LastModifiedById = this.userId;
    rec.SystemModstamp = modifiedAt;
    this.planned.push({ table, rec });
    return id;
  }

  /** Lets later records read earlier ones (derived fields such as a Task's AccountId). */
  peek(id: string): Rec | undefined {
    return this.planned.find((p) => p.rec.Id === id)?.rec;
  }

  commit(): number {
    this.planned.sort((a, b) => (a.rec.SystemModstamp as number) - (b.rec.SystemModstamp as number));
    const store = this.org.store;
    let last = store.lastStamp;
    // Derive with every seeded row visible: put them all in place first, then stamp in order.
    for (const p of this.planned) p.table.byId.set(p.rec.Id as string, p.rec);
    for (const p of this.planned) {
      deriveFields(this.org, p.table, p.rec);
      let stamp = p.rec.SystemModstamp as number;
      if (stamp <= last) stamp = last + 1;
      if (p.rec.LastModifiedDate === p.rec.SystemModstamp) p.rec.LastModifiedDate = stamp;
      p.rec.SystemModstamp = stamp;
      last = stamp;
      for (const k of Object.keys(p.rec)) if (p.rec[k] === null) delete p.rec[k];
      p.table.byId.delete(p.rec.Id as string);
      store.write(p.table, p.rec, "insert");
    }
    store.lastStamp = Math.max(store.lastStamp, last);
    const n = this.planned.length;
    this.planned.length = 0;
    return n;
  }
}
