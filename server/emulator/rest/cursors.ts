import { makeId } from "../org/ids";
import type { Rec } from "../org/store";
import type { SelectItem } from "../soql/compile";

export interface Cursor {
  type: string;
  rows: Rec[];
  items: SelectItem[];
  batchSize: number;
  lastUsed: number;
}

const TTL_MS = 15 * 60_000; // server-side cursors expire after 15 minutes of inactivity
const MAX_OPEN = 50;

/** Open query cursors behind `nextRecordsUrl` locators (`01g…-<offset>`). */
export class Cursors {
  private readonly open = new Map<string, Cursor>();
  private counter = 0;

  constructor(private readonly clock: () => number) {}

  create(cursor: Omit<Cursor, "lastUsed">): string {
    this.expire();
    if (this.open.size >= MAX_OPEN) {
      const oldest = this.open.keys().next().value;
      if (oldest !== undefined) this.open.delete(oldest);
    }
    const id = makeId("01g", ++this.counter + Math.floor(this.clock() % 1e9) * 1000);
    this.open.set(id, { ...cursor, lastUsed: this.clock() });
    return id;
  }

  get(id: string): Cursor | undefined {
    this.expire();
    const c = this.open.get(id);
    if (c) c.lastUsed = this.clock();
    return c;
  }

  close(id: string): void {
    this.open.delete(id);
  }

  clear(): void {
    this.open.clear();
  }

  private expire(): void {
    const now = this.clock();
    for (const [id, c] of this.open) if (now - c.lastUsed > TTL_MS) this.open.delete(id);
  }
}
