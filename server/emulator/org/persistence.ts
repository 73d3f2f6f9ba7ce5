import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import { dirname } from "node:path";
import { createInterface } from "node:readline";
import type { Rec, Store } from "./store";

/** What besides records an org keeps across restarts. */
export interface OrgMeta {
  format: "tandem-emulator-org";
  version: 1;
  orgId: string;
  demoUserId: string;
  lastStamp: number;
  idCounters: Record<string, number>;
  validationRules: unknown[];
  duplicateRules: unknown[];
  outboundRules: unknown[];
  refreshTokens: unknown[];
  dailyMax: number;
}

/**
 * Writes the org as JSON lines (a meta line, then one line per record) to a temporary file and
 * renames it over the target, so a crash never leaves half a file. Lines, not one document,
 * because a million records exceed what one JavaScript string can hold.
 */
export async function saveOrg(file: string, meta: OrgMeta, store: Store): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  const out = createWriteStream(tmp, { encoding: "utf8" });
  const write = (line: string) =>
    new Promise<void>((resolve, reject) => {
      if (out.write(line)) resolve();
      else out.once("drain", resolve).once("error", reject);
    });
  try {
    await write(JSON.stringify(meta) + "\n");
    for (const table of store.tables.values()) {
      let batch = "";
      for (const rec of table.byId.values()) {
        batch += JSON.stringify({ t: table.def.name, r: rec }) + "\n";
        if (batch.length > 1 << 20) {
          await write(batch);
          batch = "";
        }
      }
      if (batch) await write(batch);
    }
    await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
    await rename(tmp, file);
  } catch (err) {
    out.destroy();
    await rm(tmp, { force: true });
    throw err;
  }
}

export async function loadOrg(file: string, store: Store): Promise<OrgMeta | null> {
  try {
    await stat(file);
  } catch {
    return null;
  }
  const lines = createInterface({ input: createReadStream(file, { encoding: "utf8" }), crlfDelay: Infinity });
  let meta: OrgMeta | null = null;
  const rows = new Map<string, Rec[]>();
  for await (const line of lines) {
    if (!line.trim()) continue;
    const parsed = JSON.parse(line) as unknown;
    if (!meta) {
      meta = parsed as OrgMeta;
      if (meta.format !== "tandem-emulator-org") throw new Error(`${file} is not an emulator org file`);
      continue;
    }
    const { t, r } = parsed as { t: string; r: Rec };
    const list = rows.get(t) ?? [];
    list.push(r);
    rows.set(t, list);
  }
  if (!meta) return null;
  store.clear();
  for (const [name, recs] of rows) {
    const table = store.table(name);
    if (table) store.load(table, recs);
  }
  store.ids.restore(meta.idCounters);
  store.lastStamp = Math.max(store.lastStamp, meta.lastStamp);
  return meta;
}

/** Saves at most once per `delayMs` after changes; `flush()` writes now. */
export class DebouncedSaver {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private dirty = false;

  constructor(
    private readonly save: () => Promise<void>,
    private readonly delayMs = 500,
  ) {}

  touch(): void {
    this.dirty = true;
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush().catch((err: unknown) => console.error("emulator: could not save the org:", err));
    }, this.delayMs);
    this.timer.unref?.();
  }

  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    while (this.running) await this.running;
    if (!this.dirty) return;
    this.dirty = false;
    this.running = this.save().finally(() => {
      this.running = null;
    });
    await this.running;
  }
}
