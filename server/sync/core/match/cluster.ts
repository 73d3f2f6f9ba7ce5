/**
 * Pairs above the threshold joined into clusters (connected components, union–find with path
 * halving). Cluster ids are the smallest member index, so the output is stable. Pure.
 */

export function clusterPairs(count: number, pairs: ReadonlyArray<readonly [number, number]>): Int32Array {
  const parent = new Int32Array(count);
  for (let i = 0; i < count; i += 1) parent[i] = i;
  const find = (x: number) => {
    let node = x;
    while (parent[node] !== node) {
      parent[node] = parent[parent[node]!]!;
      node = parent[node]!;
    }
    return node;
  };
  for (const [a, b] of pairs) {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) continue;
    if (ra < rb) parent[rb] = ra;
    else parent[ra] = rb;
  }
  const cluster = new Int32Array(count);
  for (let i = 0; i < count; i += 1) cluster[i] = find(i);
  return cluster;
}
