/** The outline tree: roots, children by relation and edge order, repeats, cycles, the article. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildOutline,
  outlineLabel,
  outlineRoots,
  siblingsOf,
  visibleItems,
  type OutlineItem,
} from '../../../src/model/outline';
import type { ArgEdge, ArgMap, ArgNode, NodeKind, Relation } from '../../../src/model/schema';
import { sampleMap } from './sampleMap';

const node = (id: string, kind: NodeKind = 'claim'): ArgNode => ({
  id,
  kind,
  text: `text of ${id}`,
  refs: [],
  implicit: true,
});
const edge = (id: string, from: string, to: string, relation: Relation = 'supports'): ArgEdge => ({
  id,
  from,
  to,
  relation,
});
const graph = (nodes: ArgNode[], edges: ArgEdge[]) => ({ nodes, edges });
/** Each item as "depth:node" (+ "*" for a repeat), for compact expectations. */
const shape = (items: OutlineItem[]) =>
  items.map((i) => `${i.depth}:${i.nodeId}${i.repeat ? '*' : ''}`);

describe('buildOutline', () => {
  it('hangs premises under what they bear on: supports, then attacks, then elaborates', () => {
    const map = graph(
      [node('c', 'conclusion'), node('a'), node('b'), node('x'), node('d'), node('p')],
      [
        edge('e1', 'd', 'c', 'elaborates'),
        edge('e2', 'x', 'c', 'attacks'),
        edge('e3', 'a', 'c', 'supports'),
        edge('e4', 'b', 'c', 'supports'),
        edge('e5', 'p', 'a', 'supports'),
      ],
    );
    const items = buildOutline(map);
    expect(shape(items)).toEqual(['0:c', '1:a', '2:p', '1:b', '1:x', '1:d']);
    const a = items[1]!;
    expect(a).toEqual({
      key: 'e3',
      nodeId: 'a',
      depth: 1,
      relation: 'supports',
      edgeId: 'e3',
      parentKey: 'root:c',
      repeat: false,
      childCount: 1,
    });
    expect(items[0]).toMatchObject({
      relation: null,
      edgeId: null,
      parentKey: null,
      childCount: 4,
    });
    expect(items.map((i) => i.relation)).toEqual([
      null,
      'supports',
      'supports',
      'supports',
      'attacks',
      'elaborates',
    ]);
  });

  it('puts conclusions first among the roots, then other roots in map order', () => {
    const map = graph(
      [
        node('o1', 'objection'),
        node('c1', 'conclusion'),
        node('k', 'context'),
        node('c2', 'conclusion'),
      ],
      [],
    );
    expect(outlineRoots(map).map((n) => n.id)).toEqual(['c1', 'c2', 'o1', 'k']);
    expect(shape(buildOutline(map))).toEqual(['0:c1', '0:c2', '0:o1', '0:k']);
  });

  it('shows a node with two parents under both, the second time as a repeat without its subtree', () => {
    const map = graph(
      [node('c1', 'conclusion'), node('c2', 'conclusion'), node('s'), node('q')],
      [edge('e1', 's', 'c1'), edge('e2', 's', 'c2', 'attacks'), edge('e3', 'q', 's')],
    );
    const items = buildOutline(map);
    expect(shape(items)).toEqual(['0:c1', '1:s', '2:q', '0:c2', '1:s*']);
    expect(items[4]).toMatchObject({ relation: 'attacks', edgeId: 'e2', childCount: 0 });
    expect(new Set(items.map((i) => i.key)).size).toBe(items.length);
  });

  it('ends on cycles and still lists nodes that no root reaches', () => {
    const map = graph(
      [node('c', 'conclusion'), node('a'), node('b'), node('x'), node('y')],
      [
        edge('e1', 'a', 'c'),
        edge('e2', 'b', 'a'),
        edge('e3', 'a', 'b'), // a ⇄ b
        edge('e4', 'x', 'y'),
        edge('e5', 'y', 'x'), // x ⇄ y, under no root
      ],
    );
    const items = buildOutline(map);
    expect(shape(items)).toEqual(['0:c', '1:a', '2:b', '3:a*', '0:x', '1:y', '2:x*']);
  });

  it('lists inference junctions as items with their premises under them', () => {
    const map = graph(
      [node('c', 'conclusion'), node('j', 'inference'), node('p1'), node('p2')],
      [edge('e1', 'j', 'c'), edge('e2', 'p1', 'j'), edge('e3', 'p2', 'j')],
    );
    expect(shape(buildOutline(map))).toEqual(['0:c', '1:j', '2:p1', '2:p2']);
  });

  it('ignores edges from nodes that are not in the map', () => {
    const map = graph([node('c', 'conclusion')], [edge('e1', 'ghost', 'c')]);
    expect(shape(buildOutline(map))).toEqual(['0:c']);
    expect(buildOutline(map)[0]!.childCount).toBe(0);
  });

  it('handles a chain far deeper than the call stack', () => {
    const n = 20_000;
    const nodes = Array.from({ length: n }, (_, i) => node(`n${i}`));
    const edges = Array.from({ length: n - 1 }, (_, i) => edge(`e${i}`, `n${i + 1}`, `n${i}`));
    const items = buildOutline(graph(nodes, edges));
    expect(items).toHaveLength(n);
    expect(items.at(-1)!.depth).toBe(n - 1);
  });
});

describe('the article map', () => {
  const map = JSON.parse(
    readFileSync(resolve(__dirname, '../../../maps/us-japan-nuclear-sharing.argmap.json'), 'utf8'),
  ) as ArgMap;
  const items = buildOutline(map);

  it('lists every node, each expanded exactly once, with repeats marked', () => {
    const first = items.filter((i) => !i.repeat).map((i) => i.nodeId);
    expect(new Set(first).size).toBe(first.length);
    expect(new Set(first)).toEqual(new Set(map.nodes.map((n) => n.id)));
    // Every edge is one item, plus one per root.
    const roots = items.filter((i) => i.depth === 0);
    expect(items.length).toBe(map.edges.length + roots.length);
    const repeats = items.filter((i) => i.repeat);
    const withTwoParents = new Set(
      map.nodes.filter((n) => map.edges.filter((e) => e.from === n.id).length > 1).map((n) => n.id),
    );
    expect(repeats.length).toBeGreaterThan(0);
    for (const r of repeats) {
      expect(withTwoParents.has(r.nodeId)).toBe(true);
      expect(r.childCount).toBe(0);
    }
  });

  it('starts with the conclusions, the thesis n1 first', () => {
    const roots = items.filter((i) => i.depth === 0);
    expect(roots[0]!.nodeId).toBe('n1');
    const kinds = roots.map((r) => map.nodes.find((n) => n.id === r.nodeId)!.kind);
    const firstOther = kinds.findIndex((k) => k !== 'conclusion');
    expect(kinds.slice(firstOther)).not.toContain('conclusion');
    expect(
      items.every((i) => i.parentKey === null || items.some((p) => p.key === i.parentKey)),
    ).toBe(true);
  });
});

describe('visibleItems and siblingsOf', () => {
  const items = buildOutline(sampleMap());

  it('hides the subtree of a collapsed item only', () => {
    expect(shape(visibleItems(items, new Set()))).toEqual(['0:n1', '1:n2', '1:n3', '1:n4']);
    expect(shape(visibleItems(items, new Set(['root:n1'])))).toEqual(['0:n1']);
    expect(shape(visibleItems(items, new Set(['e1'])))).toHaveLength(4);
  });

  it('lists the children of one parent in order', () => {
    expect(siblingsOf(items, 'root:n1').map((i) => i.nodeId)).toEqual(['n2', 'n3', 'n4']);
    expect(siblingsOf(items, null).map((i) => i.nodeId)).toEqual(['n1']);
  });
});

describe('outlineLabel', () => {
  const base: ArgNode = { ...node('n'), text: '原文', translations: { en: 'English' } };
  it('shows the English rendering when labels are English, else the label or the text', () => {
    expect(outlineLabel(base, 'en')).toBe('English');
    expect(outlineLabel(base, 'source')).toBe('原文');
    expect(outlineLabel({ ...base, label: '短' } as ArgNode, 'source')).toBe('短');
    expect(outlineLabel({ ...base, translations: undefined }, 'en')).toBe('原文');
  });
});
