import { IdGenerator, normalizeId } from "./ids";
import { LookupIndex } from "./lookup-index";
import { OBJECT_ALIASES, standardObjects } from "./objects";
import { field, indexFields, type FieldInput, type ObjectDef } from "./schema";

/** A stored value. Datetimes are epoch milliseconds, dates `YYYY-MM-DD`; absent means null. */
export type SfValue = string | number | boolean | null;
export type Rec = Record<string, SfValue>;

export interface Table {
  def: ObjectDef;
  byId: Map<string, Rec>;
  /**
   * Every write appends (Id, SystemModstamp). The org's stamps strictly increase, so the arrays
   * are ordered by (SystemModstamp, Id) without ever sorting; an entry whose stamp no longer
   * matches the record's is stale and skipped. Compacted when stale entries dominate.
   */
  orderIds: string[];
  orderStamps: number[];
  /** External Id / unique field (lower-case name) → lower-cased value → record Id. */
  uniqueIndex: Map<string, Map<string, string>>;
  /** Non-unique lookups by one or more fields, built on first use and kept current. */
  lookups: Map<string, LookupIndex>;
}

export type ChangeKind = "insert" | "update" | "delete" | "undelete";
export interface Change {
  object: string;
  id: string;
  kind: ChangeKind;
}
export type ChangeListener = (changes: Change[]) => void;

interface JournalEntry {
  table: Table;
  id: string;
  before: Rec | undefined;
}

export class Store {
  readonly tables = new Map<string, Table>();
  readonly ids = new IdGenerator();
  lastStamp = 0;
  private journal: JournalEntry[] | null = null;
  private pending: Change[] = [];
  private readonly listeners = new Set<ChangeListener>();

  constructor(readonly clock: () => number) {
    for (const def of standardObjects()) this.addObject(def);
  }

  addObject(def: ObjectDef): void {
    const table: Table = {
      def,
      byId: new Map(),
      orderIds: [],
      orderStamps: [],
      uniqueIndex: new Map(),
      lookups: new Map(),
    };
    for (const f of def.fields) if (f.externalId || f.unique) table.uniqueIndex.set(f.name.toLowerCase(), new Map());
    this.tables.set(def.name.toLowerCase(), table);
  }

  /** Removes an object (and its rows) from the org, as in an org where the feature is off. */
  removeObject(name: string): void {
    this.tables.delete(this.requireTable(name).def.name.toLowerCase());
  }

  /** Adds a custom field (e.g. another External Id) to an object; existing rows read it as null. */
  addField(objectName: string, input: FieldInput): void {
    const table = this.requireTable(objectName);
    const f = field(input);
    table.def.fields = [...table.def.fields.filter((x) => x.name.toLowerCase() !== f.name.toLowerCase()), f];
    indexFields(table.def);
    if (f.externalId || f.unique) {
      const index = new Map<string, string>();
      for (const rec of table.byId.values()) {
        const v = rec[f.name];
        if (v != null && rec.IsDeleted !== true) index.set(String(v).toLowerCase(), rec.Id as string);
      }
      table.uniqueIndex.set(f.name.toLowerCase(), index);
    }
  }

  /** Removes a custom field from an object's schema (and its values from every row). */
  removeField(objectName: string, fieldName: string): void {
    const table = this.requireTable(objectName);
    const f = table.def.byLowerName.get(fieldName.toLowerCase());
    if (!f || !f.custom) throw new Error(`${objectName}.${fieldName} is not a custom field`);
    table.def.fields = table.def.fields.filter((x) => x !== f);
    indexFields(table.def);
    table.uniqueIndex.delete(f.name.toLowerCase());
    for (const rec of table.byId.values()) delete rec[f.name];
  }

  table(name: string): Table | undefined {
    const lower = name.toLowerCase();
    return this.tables.get(lower) ?? this.tables.get((OBJECT_ALIASES[name] ?? "").toLowerCase());
  }

  requireTable(name: string): Table {
    const t = this.table(name);
    if (!t) throw new Error(`unknown object ${name}`);
    return t;
  }

  /** The table a record Id belongs to, by its key prefix (polymorphic lookups need this). */
  tableForId(id: string): Table | undefined {
    const prefix = id.slice(0, 3);
    for (const t of this.tables.values()) if (t.def.keyPrefix === prefix) return t;
    return undefined;
  }

  findById(id: string): { table: Table; rec: Rec } | undefined {
    const norm = normalizeId(id);
    if (!norm) return undefined;
    const table = this.tableForId(norm);
    const rec = table?.byId.get(norm);
    return table && rec ? { table, rec } : undefined;
  }

  /** The next SystemModstamp: the clock, but always after the previous one across the org. */
  nextStamp(): number {
    const now = Math.max(this.clock(), this.lastStamp + 1);
    this.lastStamp = now;
    return now;
  }

  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Writes a full record (already stamped) and maintains the indexes. */
  write(table: Table, rec: Rec, kind: ChangeKind): void {
    const id = rec.Id as string;
    const before = table.byId.get(id);
    if (this.journal) this.journal.push({ table, id, before });
    this.reindex(table, before, rec);
    table.byId.set(id, rec);
    table.orderIds.push(id);
    table.orderStamps.push(rec.SystemModstamp as number);
    this.maybeCompact(table);
    this.pending.push({ object: table.def.name, id, kind });
    if (!this.journal) this.flush();
  }

  /**
   * Runs `fn` as one transaction: if it throws, or `shouldRollback(result)` says so, every write
   * made inside is undone. Nested calls are savepoints. Changes are announced (outbound
   * messages, persistence) only when the outermost transaction commits.
   */
  transaction<T>(fn: () => T, shouldRollback: (result: T) => boolean = () => false): T {
    const outer = this.journal !== null;
    if (!outer) this.journal = [];
    const mark = this.journal!.length;
    const pendingMark = this.pending.length;
    let result: T;
    try {
      result = fn();
    } catch (err) {
      this.undoTo(mark, pendingMark);
      if (!outer) this.journal = null;
      throw err;
    }
    if (shouldRollback(result)) this.undoTo(mark, pendingMark);
    if (!outer) {
      this.journal = null;
      this.flush();
    }
    return result;
  }

  private undoTo(mark: number, pendingMark: number): void {
    const journal = this.journal ?? [];
    for (let i = journal.length - 1; i >= mark; i--) {
      const entry = journal[i]!;
      const current = entry.table.byId.get(entry.id);
      this.reindex(entry.table, current, entry.before);
      if (entry.before) entry.table.byId.set(entry.id, entry.before);
      else entry.table.byId.delete(entry.id);
    }
    journal.length = mark;
    this.pending.length = pendingMark;
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const changes = this.pending;
    this.pending = [];
    for (const l of this.listeners) l(changes);
  }

  /** Live Ids whose `fields` equal `rec`'s (case-insensitive); builds the index on first use. */
  lookup(table: Table, fields: string[], rec: Rec): string[] {
    const key = LookupIndex.keyOf(fields);
    let index = table.lookups.get(key);
    if (!index) {
      index = new LookupIndex(fields);
      for (const r of table.byId.values()) index.update(undefined, r);
      table.lookups.set(key, index);
    }
    return index.find(rec);
  }

  private reindex(table: Table, before: Rec | undefined, after: Rec | undefined): void {
    for (const index of table.lookups.values()) index.update(before, after);
    for (const [fieldLower, index] of table.uniqueIndex) {
      const name = table.def.byLowerName.get(fieldLower)?.name ?? fieldLower;
      const oldValue = before && before.IsDeleted !== true ? before[name] : null;
      const newValue = after && after.IsDeleted !== true ? after[name] : null;
      if (oldValue === newValue) continue;
      if (oldValue != null && index.get(String(oldValue).toLowerCase()) === before?.Id)
        index.delete(String(oldValue).toLowerCase());
      if (newValue != null) index.set(String(newValue).toLowerCase(), after?.Id as string);
    }
  }

  findByUnique(table: Table, fieldName: string, value: SfValue): Rec | undefined {
    if (value == null) return undefined;
    const id = table.uniqueIndex.get(fieldName.toLowerCase())?.get(String(value).toLowerCase());
    return id ? table.byId.get(id) : undefined;
  }

  private maybeCompact(table: Table): void {
    // Never while a transaction is open: a rollback revives entries that look stale now.
    if (this.journal) return;
    if (table.orderIds.length < 1024 || table.orderIds.length < table.byId.size * 2) return;
    const ids: string[] = [];
    const stamps: number[] = [];
    for (let i = 0; i < table.orderIds.length; i++) {
      const id = table.orderIds[i]!;
      const stamp = table.orderStamps[i]!;
      if (table.byId.get(id)?.SystemModstamp === stamp) {
        ids.push(id);
        stamps.push(stamp);
      }
    }
    table.orderIds = ids;
    table.orderStamps = stamps;
  }

  /** Live records of a table in (SystemModstamp, Id) order, from the first stamp >= `fromStamp`. */
  *scan(table: Table, fromStamp = -Infinity): Generator<Rec> {
    const stamps = table.orderStamps;
    let lo = 0;
    let hi = stamps.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (stamps[mid]! < fromStamp) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < table.orderIds.length; i++) {
      const rec = table.byId.get(table.orderIds[i]!);
      if (rec && rec.SystemModstamp === stamps[i]) yield rec;
    }
  }

  /** Loads persisted rows without announcing them; rows are re-sorted into stamp order. */
  load(table: Table, rows: Rec[]): void {
    rows.sort(
      (a, b) => (a.SystemModstamp as number) - (b.SystemModstamp as number) || String(a.Id).localeCompare(String(b.Id)),
    );
    for (const rec of rows) {
      table.byId.set(rec.Id as string, rec);
      table.orderIds.push(rec.Id as string);
      table.orderStamps.push(rec.SystemModstamp as number);
      this.reindex(table, undefined, rec);
      this.lastStamp = Math.max(this.lastStamp, rec.SystemModstamp as number);
    }
  }

  /** Drops every record (reset); listeners and schema stay. */
  clear(): void {
    for (const t of this.tables.values()) {
      t.byId.clear();
      t.orderIds = [];
      t.orderStamps = [];
      for (const index of t.uniqueIndex.values()) index.clear();
      t.lookups.clear();
    }
    this.ids.restore({});
    this.lastStamp = 0;
  }
}
