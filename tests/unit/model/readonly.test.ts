/**
 * Saving finds what changed by object identity, so an in-place edit of a map would be skipped
 * without a word. The map types are deeply read-only to make the compiler refuse such code:
 * each line below must stay a type error (`npm test` type-checks the tests; an unused
 * `@ts-expect-error` fails it).
 */
import { describe, expect, it } from 'vitest';
import type { ArgMap } from '../../../src/model/schema';
import { updateNode } from '../../../src/model/operations';
import { sampleMap } from './sampleMap';

function inPlaceEdits(map: ArgMap) {
  // @ts-expect-error a node's text
  map.nodes[0]!.text = 'changed';
  // @ts-expect-error a ref's offsets, two levels down
  map.nodes[0]!.refs[0]!.start = 3;
  // @ts-expect-error a node's position
  map.nodes[0]!.position!.x = 10;
  // @ts-expect-error adding an edge in place
  map.edges.push({ id: 'e9', from: 'n1', to: 'n2', relation: 'supports' });
  // @ts-expect-error a tour's steps
  map.tours[0]!.steps.push('n1');
  // @ts-expect-error a source's text
  map.sources[0]!.text = '';
  // @ts-expect-error a translation
  map.nodes[0]!.translations!.en = 'x';
  // @ts-expect-error the title
  map.title = 'x';
}

describe('map types', () => {
  it('are changed through operations, which return a new map and leave the old one as it was', () => {
    expect(inPlaceEdits).toBeTypeOf('function');
    const before: ArgMap = sampleMap();
    const after = updateNode(before, 'n1', { text: 'changed' });
    expect(after).not.toBe(before);
    expect(before.nodes[0]!.text).not.toBe('changed');
    expect(after.nodes[0]!.text).toBe('changed');
  });
});
