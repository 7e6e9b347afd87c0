/** Merging another tab's records into a map this tab holds: the per-record rule. */
import { describe, expect, it } from 'vitest';
import { mergeOutside, type OutsideRecords } from '../../../src/persist/mergeOutside';
import { orderOf } from '../../../src/persist/diffMaps';
import type { ArgEdge, ArgNode } from '../../../src/model/schema';
import { validateMap } from '../../../src/model/validate';
import { sampleMap } from '../model/sampleMap';

const records = (
  nodes: [string, { item: ArgNode; order: number } | null][] = [],
  edges: [string, { item: ArgEdge; order: number } | null][] = [],
): OutsideRecords => ({ nodes: new Map(nodes), edges: new Map(edges) });

describe('mergeOutside', () => {
  it('replaces a changed node in place and keeps every other object as it was', () => {
    const map = sampleMap();
    const changed = { ...map.nodes[2]!, text: 'Changed elsewhere' };
    const merged = mergeOutside(map, records([['n3', { item: changed, order: 2 }]]), orderOf(map));
    expect(merged.nodes.map((n) => n.id)).toEqual(['n1', 'n2', 'n3', 'n4']);
    expect(merged.nodes[2]).toBe(changed);
    expect(merged.nodes[0]).toBe(map.nodes[0]);
    expect(merged.edges).toBe(map.edges);
  });

  it('puts a new node at its stored place, between the records stored around it', () => {
    const map = sampleMap();
    const order = orderOf(map);
    order.nodes.set('n9', 1.5);
    const added: ArgNode = { id: 'n9', kind: 'claim', text: 'New', refs: [{ sentence: 's2' }] };
    const merged = mergeOutside(map, records([['n9', { item: added, order: 1.5 }]]), order);
    expect(merged.nodes.map((n) => n.id)).toEqual(['n1', 'n2', 'n9', 'n3', 'n4']);
  });

  it('removes a deleted node with the edges and tour stops it leaves without a node', () => {
    const map = sampleMap();
    const order = orderOf(map);
    order.nodes.delete('n4');
    const merged = mergeOutside(map, records([['n4', null]]), order);
    expect(merged.nodes.map((n) => n.id)).toEqual(['n1', 'n2', 'n3']);
    expect(merged.edges.map((e) => e.id)).toEqual(['e1', 'e2']);
    expect(merged.tours[0]!.steps).toEqual(['n1', 'n2', 'n3']);
    expect(validateMap(merged).ok).toBe(true);
  });

  it("takes the map's own fields and sources when they changed elsewhere", () => {
    const map = sampleMap();
    const merged = mergeOutside(
      map,
      { ...records(), fields: { title: 'Renamed', tours: [], updatedAt: 'x' } },
      orderOf(map),
    );
    expect(merged.title).toBe('Renamed');
    expect(merged.tours).toEqual([]);
    expect(merged.updatedAt).toBe('x');
  });
});
