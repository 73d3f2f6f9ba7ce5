import "server-only";
import { and, eq, gte, inArray } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { duplicatePairs } from "@/db/schema";
import type { TDuplicatePairState } from "./duplicate-vocabulary";
import {
  type TDuplicateList,
  type TDuplicateListInput,
  type TDuplicatePair,
  ZDuplicateListInputSchema,
} from "./duplicate-schemas";
import { loadRecordDisplays } from "./load-record-displays";

type TListedPair = { id: string; a: string; b: string; score: number };

/**
 * The duplicate review queue (DUP-1, `duplicates list`): open potential duplicates (and, when asked,
 * those put off for later), optionally of one entity and above a score, a page at a time. Pairs that
 * share a record are one cluster and listed together: the cluster with the best pair first.
 */
export async function listDuplicatePairs(db: TDatabase, filters: TDuplicateListInput = {}): Promise<TDuplicateList> {
  const input = ZDuplicateListInputSchema.parse(filters);
  const states: TDuplicatePairState[] = input.includeLater ? ["open", "later"] : ["open"];
  const listed = await db
    .select({
      id: duplicatePairs.id,
      aType: duplicatePairs.aType,
      aId: duplicatePairs.aId,
      bType: duplicatePairs.bType,
      bId: duplicatePairs.bId,
      score: duplicatePairs.score,
    })
    .from(duplicatePairs)
    .where(
      and(
        inArray(duplicatePairs.state, states),
        input.entity ? eq(duplicatePairs.entity, input.entity) : undefined,
        input.minScore !== undefined ? gte(duplicatePairs.score, input.minScore) : undefined,
      ),
    );
  const ordered = clusterPairs(
    listed.map((row) => ({ id: row.id, a: `${row.aType}:${row.aId}`, b: `${row.bType}:${row.bId}`, score: row.score })),
  );
  const page = ordered.slice((input.page - 1) * input.pageSize, input.page * input.pageSize);
  const rows = page.length
    ? await db
        .select()
        .from(duplicatePairs)
        .where(
          inArray(
            duplicatePairs.id,
            page.map((entry) => entry.pair.id),
          ),
        )
    : [];
  const byId = new Map(rows.map((row) => [row.id, row]));
  const displays = await loadRecordDisplays(
    db,
    rows.flatMap((row) => [
      { type: row.aType, id: row.aId },
      { type: row.bType, id: row.bId },
    ]),
  );
  return {
    rows: page.flatMap(({ pair, cluster }): TDuplicatePair[] => {
      const row = byId.get(pair.id);
      if (!row) return [];
      return [
        {
          id: row.id,
          entity: row.entity,
          score: row.score,
          reasons: row.reasons,
          state: row.state,
          cluster,
          a: displays.get(pair.a)!,
          b: displays.get(pair.b)!,
          createdAt: row.createdAt,
          updatedAt: row.updatedAt,
        },
      ];
    }),
    total: ordered.length,
    clusters: new Set(ordered.map((entry) => entry.cluster.id)).size,
    page: input.page,
    pageSize: input.pageSize,
  };
}

/**
 * Pairs joined into clusters where they share a record (union–find), in queue order: clusters by
 * their best score, then each cluster's pairs by score. A cluster's id is its smallest record ref.
 */
function clusterPairs(pairs: readonly TListedPair[]) {
  const parent = new Map<string, string>();
  const find = (ref: string): string => {
    let root = ref;
    while (parent.get(root) !== undefined && parent.get(root) !== root) root = parent.get(root)!;
    let node = ref;
    while (node !== root) {
      const next = parent.get(node)!;
      parent.set(node, root);
      node = next;
    }
    return root;
  };
  for (const pair of pairs) {
    if (!parent.has(pair.a)) parent.set(pair.a, pair.a);
    if (!parent.has(pair.b)) parent.set(pair.b, pair.b);
    const [rootA, rootB] = [find(pair.a), find(pair.b)];
    if (rootA !== rootB) parent.set(rootA < rootB ? rootB : rootA, rootA < rootB ? rootA : rootB);
  }
  const clusters = new Map<string, { pairs: TListedPair[]; records: Set<string>; best: number }>();
  for (const pair of pairs) {
    const root = find(pair.a);
    const cluster = clusters.get(root) ?? { pairs: [], records: new Set<string>(), best: 0 };
    cluster.pairs.push(pair);
    cluster.records.add(pair.a).add(pair.b);
    cluster.best = Math.max(cluster.best, pair.score);
    clusters.set(root, cluster);
  }
  const byScore = (x: TListedPair, y: TListedPair) => y.score - x.score || (x.id < y.id ? -1 : 1);
  return [...clusters.entries()]
    .sort(([idX, x], [idY, y]) => y.best - x.best || (idX < idY ? -1 : 1))
    .flatMap(([id, cluster]) =>
      cluster.pairs.sort(byScore).map((pair) => ({
        pair,
        cluster: { id, records: cluster.records.size, pairs: cluster.pairs.length },
      })),
    );
}
