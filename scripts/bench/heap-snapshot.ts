import { readFileSync } from 'node:fs';

/** The parts of a V8 `.heapsnapshot` file (JSON) the summary reads. */
export interface RawHeapSnapshot {
  snapshot: {
    meta: {
      node_fields: string[];
      node_types: [string[], ...unknown[]];
      edge_fields: string[];
      edge_types: [string[], ...unknown[]];
    };
  };
  nodes: number[];
  edges: number[];
  strings: string[];
}

/** One type (constructor name, or `(string)`, `(closure)`… as DevTools names them) of a snapshot. */
export interface TypeStats {
  type: string;
  count: number;
  /** Bytes of the objects themselves. */
  selfSize: number;
  /**
   * Bytes that would be freed with the objects of this type: the sum of the retained sizes (dominator
   * tree) of its objects that no other object of the same type dominates (no double counting).
   */
  retainedSize: number;
}

/** DevTools' class name of a node: objects by constructor name, the rest by their kind. */
function className(type: string, name: string): string {
  if (type === 'object' || type === 'native') return name;
  if (type === 'hidden') return '(system)';
  if (type === 'code') return '(compiled code)';
  return `(${type})`;
}

/**
 * Count, self size and retained size per type of a heap snapshot. Retained sizes come from the
 * dominator tree (Cooper, Harvey and Kennedy's iterative algorithm) over the strong edges from the
 * snapshot's root (node 0); weak edges do not retain.
 */
export function summarizeHeapSnapshot(raw: RawHeapSnapshot): Map<string, TypeStats> {
  const { meta } = raw.snapshot;
  const nodeWidth = meta.node_fields.length;
  const edgeWidth = meta.edge_fields.length;
  const typeAt = meta.node_fields.indexOf('type');
  const nameAt = meta.node_fields.indexOf('name');
  const selfAt = meta.node_fields.indexOf('self_size');
  const edgeCountAt = meta.node_fields.indexOf('edge_count');
  const edgeTypeAt = meta.edge_fields.indexOf('type');
  const toAt = meta.edge_fields.indexOf('to_node');
  const weak = meta.edge_types[0].indexOf('weak');
  const { nodes, edges, strings } = raw;
  const count = nodes.length / nodeWidth;

  // Class of every node, and the first edge of every node (edges are stored node after node).
  const classIds = new Int32Array(count);
  const classNames: string[] = [];
  const classIndex = new Map<string, number>();
  const firstEdge = new Int32Array(count + 1);
  for (let n = 0, e = 0; n < count; n += 1) {
    const name = className(meta.node_types[0][nodes[n * nodeWidth + typeAt]], strings[nodes[n * nodeWidth + nameAt]]);
    let id = classIndex.get(name);
    if (id === undefined) {
      id = classNames.length;
      classIndex.set(name, id);
      classNames.push(name);
    }
    classIds[n] = id;
    firstEdge[n] = e;
    e += nodes[n * nodeWidth + edgeCountAt] * edgeWidth;
    firstEdge[n + 1] = e;
  }
  const strong = (e: number) => edges[e + edgeTypeAt] !== weak;
  const target = (e: number) => edges[e + toAt] / nodeWidth;

  // Post-order of a depth-first walk from the root along strong edges (iterative: heaps are deep).
  const postOrder = new Int32Array(count).fill(-1);
  const byPostOrder = new Int32Array(count);
  const visited = new Uint8Array(count);
  const stack = new Int32Array(count);
  const cursor = new Int32Array(count);
  let reached = 0;
  let top = 0;
  stack[0] = 0;
  cursor[0] = firstEdge[0];
  visited[0] = 1;
  while (top >= 0) {
    const n = stack[top];
    let pushed = false;
    while (cursor[n] < firstEdge[n + 1]) {
      const e = cursor[n];
      cursor[n] += edgeWidth;
      const to = target(e);
      if (strong(e) && !visited[to]) {
        visited[to] = 1;
        top += 1;
        stack[top] = to;
        cursor[to] = firstEdge[to];
        pushed = true;
        break;
      }
    }
    if (!pushed) {
      postOrder[n] = reached;
      byPostOrder[reached] = n;
      reached += 1;
      top -= 1;
    }
  }

  // Predecessors along strong edges, among the reached nodes (compressed rows).
  const predStart = new Int32Array(count + 1);
  for (let n = 0; n < count; n += 1) {
    if (!visited[n]) continue;
    for (let e = firstEdge[n]; e < firstEdge[n + 1]; e += edgeWidth) if (strong(e)) predStart[target(e) + 1] += 1;
  }
  for (let n = 0; n < count; n += 1) predStart[n + 1] += predStart[n];
  const preds = new Int32Array(predStart[count]);
  const fill = predStart.slice(0, count);
  for (let n = 0; n < count; n += 1) {
    if (!visited[n]) continue;
    for (let e = firstEdge[n]; e < firstEdge[n + 1]; e += edgeWidth) if (strong(e)) preds[fill[target(e)]++] = n;
  }

  // Immediate dominators, by post-order number; the root (highest number) dominates itself.
  const root = reached - 1;
  const idom = new Int32Array(reached).fill(-1);
  idom[root] = root;
  const intersect = (a: number, b: number) => {
    while (a !== b) {
      while (a < b) a = idom[a];
      while (b < a) b = idom[b];
    }
    return a;
  };
  for (let changed = true; changed;) {
    changed = false;
    for (let p = root - 1; p >= 0; p -= 1) {
      const n = byPostOrder[p];
      let dominator = -1;
      for (let i = predStart[n]; i < predStart[n + 1]; i += 1) {
        const q = postOrder[preds[i]];
        if (idom[q] === -1) continue;
        dominator = dominator === -1 ? q : intersect(q, dominator);
      }
      if (dominator !== -1 && idom[p] !== dominator) {
        idom[p] = dominator;
        changed = true;
      }
    }
  }

  // Retained sizes: a dominator's number is higher than those of the nodes it dominates.
  const retained = new Float64Array(reached);
  for (let p = 0; p < reached; p += 1) retained[p] += nodes[byPostOrder[p] * nodeWidth + selfAt];
  for (let p = 0; p < root; p += 1) if (idom[p] !== -1) retained[idom[p]] += retained[p];

  // A node counts towards its type's retained size when no dominator of it has the same type: walk
  // the dominator tree depth first, keeping per type how many of its objects are on the path.
  const childStart = new Int32Array(reached + 1);
  for (let p = 0; p < root; p += 1) if (idom[p] !== -1) childStart[idom[p] + 1] += 1;
  for (let p = 0; p < reached; p += 1) childStart[p + 1] += childStart[p];
  const children = new Int32Array(childStart[reached]);
  const next = childStart.slice(0, reached);
  for (let p = 0; p < root; p += 1) if (idom[p] !== -1) children[next[idom[p]]++] = p;
  const onPath = new Int32Array(classNames.length);
  const counted = new Uint8Array(reached);
  const path = new Int32Array(reached);
  const child = new Int32Array(reached);
  let depth = 0;
  path[0] = root;
  child[0] = childStart[root];
  while (depth >= 0) {
    const p = path[depth];
    if (child[depth] < childStart[p + 1]) {
      const c = children[child[depth]];
      child[depth] += 1;
      const cls = classIds[byPostOrder[c]];
      counted[c] = onPath[cls] === 0 ? 1 : 0;
      onPath[cls] += 1;
      depth += 1;
      path[depth] = c;
      child[depth] = childStart[c];
    } else {
      if (p !== root) onPath[classIds[byPostOrder[p]]] -= 1;
      depth -= 1;
    }
  }

  const stats = new Map<string, TypeStats>();
  for (const type of classNames) stats.set(type, { type, count: 0, selfSize: 0, retainedSize: 0 });
  for (let n = 0; n < count; n += 1) {
    const s = stats.get(classNames[classIds[n]])!;
    s.count += 1;
    s.selfSize += nodes[n * nodeWidth + selfAt];
    const p = postOrder[n];
    if (p !== -1 && p !== root && counted[p]) s.retainedSize += retained[p];
  }
  return stats;
}

/** Reads a `.heapsnapshot` file and summarizes it by type. */
export function summarizeHeapSnapshotFile(file: string): Map<string, TypeStats> {
  return summarizeHeapSnapshot(JSON.parse(readFileSync(file, 'utf8')) as RawHeapSnapshot);
}

export interface TypeGrowth {
  type: string;
  countBefore: number;
  countAfter: number;
  selfBefore: number;
  selfAfter: number;
  retainedBefore: number;
  retainedAfter: number;
}

/** The types of two summaries, the largest growth of retained size first (then of self size). */
export function compareByType(before: Map<string, TypeStats>, after: Map<string, TypeStats>): TypeGrowth[] {
  const types = new Set([...before.keys(), ...after.keys()]);
  const zero = { count: 0, selfSize: 0, retainedSize: 0 };
  return [...types]
    .map((type) => {
      const b = before.get(type) ?? zero;
      const a = after.get(type) ?? zero;
      return {
        type,
        countBefore: b.count,
        countAfter: a.count,
        selfBefore: b.selfSize,
        selfAfter: a.selfSize,
        retainedBefore: b.retainedSize,
        retainedAfter: a.retainedSize,
      };
    })
    .sort(
      (x, y) =>
        y.retainedAfter - y.retainedBefore - (x.retainedAfter - x.retainedBefore) ||
        y.selfAfter - y.selfBefore - (x.selfAfter - x.selfBefore),
    );
}
