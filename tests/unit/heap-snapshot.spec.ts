import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareByType, RawHeapSnapshot, summarizeHeapSnapshot, summarizeHeapSnapshotFile } from '../../scripts/bench/heap-snapshot';

const NODE_FIELDS = ['type', 'name', 'id', 'self_size', 'edge_count', 'trace_node_id', 'detachedness'];
const NODE_TYPES = ['hidden', 'array', 'string', 'object', 'code', 'closure', 'regexp', 'number', 'native', 'synthetic'];
const EDGE_FIELDS = ['type', 'name_or_index', 'to_node'];
const EDGE_TYPES = ['context', 'element', 'property', 'internal', 'hidden', 'shortcut', 'weak'];

/**
 * A snapshot written by hand, as V8 lays it out: nodes as rows of NODE_FIELDS, their edges one node
 * after the other, `to_node` as the index of the target's first field.
 */
function snapshot(nodes: Array<{ type: string; name: string; self: number; edges: Array<[string, number]> }>): RawHeapSnapshot {
  const strings = ['', 'ref'];
  const string = (s: string) => (strings.includes(s) ? strings.indexOf(s) : strings.push(s) - 1);
  return {
    snapshot: {
      meta: { node_fields: NODE_FIELDS, node_types: [NODE_TYPES], edge_fields: EDGE_FIELDS, edge_types: [EDGE_TYPES] },
    },
    nodes: nodes.flatMap((n, i) => [NODE_TYPES.indexOf(n.type), string(n.name), i * 2 + 1, n.self, n.edges.length, 0, 0]),
    edges: nodes.flatMap((n) => n.edges.flatMap(([type, to]) => [EDGE_TYPES.indexOf(type), 1, to * NODE_FIELDS.length])),
    strings,
  };
}

describe('heap snapshot summary by type', () => {
  // root → Foo#1 → Foo#2 → Baz; root → Bar; Foo#2 and Bar → "text" (two paths: the root dominates it);
  // Bar → Baz only weakly (does not retain); Qux is unreachable.
  const graph = snapshot([
    {
      type: 'synthetic',
      name: '',
      self: 0,
      edges: [
        ['element', 1],
        ['element', 3],
      ],
    },
    { type: 'object', name: 'Foo', self: 10, edges: [['property', 2]] },
    {
      type: 'object',
      name: 'Foo',
      self: 20,
      edges: [
        ['property', 4],
        ['property', 5],
      ],
    },
    {
      type: 'object',
      name: 'Bar',
      self: 3,
      edges: [
        ['property', 4],
        ['weak', 5],
      ],
    },
    { type: 'string', name: 'text', self: 5, edges: [] },
    { type: 'object', name: 'Baz', self: 7, edges: [] },
    { type: 'object', name: 'Qux', self: 11, edges: [] },
  ]);

  it('counts objects and self sizes per type, strings as (string)', () => {
    const stats = summarizeHeapSnapshot(graph);
    expect(stats.get('Foo')).toMatchObject({ count: 2, selfSize: 30 });
    expect(stats.get('(string)')).toMatchObject({ count: 1, selfSize: 5 });
    expect(stats.get('Qux')).toMatchObject({ count: 1, selfSize: 11, retainedSize: 0 });
  });

  it('retains what only the type holds, along strong edges, without counting nested objects of the type twice', () => {
    const stats = summarizeHeapSnapshot(graph);
    // Foo#1 retains itself, Foo#2 and Baz (the weak edge from Bar does not count); not the shared string.
    expect(stats.get('Foo')!.retainedSize).toBe(10 + 20 + 7);
    expect(stats.get('Bar')!.retainedSize).toBe(3);
    expect(stats.get('(string)')!.retainedSize).toBe(5);
    expect(stats.get('Baz')!.retainedSize).toBe(7);
  });

  it('puts the type whose retained size grew most first', () => {
    const after = snapshot([
      {
        type: 'synthetic',
        name: '',
        self: 0,
        edges: [
          ['element', 1],
          ['element', 2],
          ['element', 3],
        ],
      },
      { type: 'object', name: 'Foo', self: 10, edges: [] },
      {
        type: 'object',
        name: 'Bar',
        self: 3,
        edges: [
          ['property', 4],
          ['property', 5],
        ],
      },
      { type: 'object', name: 'Bar', self: 3, edges: [] },
      { type: 'string', name: 'text', self: 5, edges: [] },
      { type: 'string', name: 'more', self: 50, edges: [] },
    ]);
    const growth = compareByType(summarizeHeapSnapshot(graph), summarizeHeapSnapshot(after));
    expect(growth[0]).toMatchObject({ type: 'Bar', countBefore: 1, countAfter: 2, retainedBefore: 3, retainedAfter: 3 + 5 + 50 + 3 });
    expect(growth.at(-1)).toMatchObject({ type: 'Foo', retainedBefore: 37, retainedAfter: 10 });
  });

  it('finds objects a real process holds in a V8 snapshot', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sro-heap-'));
    try {
      const file = join(dir, 'held.heapsnapshot');
      const script = `class HeldThing { constructor(i) { this.payload = 'x'.repeat(100) + i; } }
        globalThis.held = Array.from({ length: 2000 }, (_, i) => new HeldThing(i));
        require('node:v8').writeHeapSnapshot(${JSON.stringify(file)});`;
      expect(spawnSync(process.execPath, ['-e', script]).status).toBe(0);
      const held = summarizeHeapSnapshotFile(file).get('HeldThing')!;
      expect(held.count).toBe(2000);
      // Each one retains its own string of more than 100 characters.
      expect(held.retainedSize).toBeGreaterThan(2000 * 100);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
