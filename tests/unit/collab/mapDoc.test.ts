/**
 * The shared map's content document (src/collab/mapDoc.ts): round trips, per-field merging,
 * text merging, repair of what concurrent edits leave dangling, and the comments kept apart.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';

import {
  applyMapChange,
  editText,
  holdsMap,
  readMapFromDoc,
  repairMap,
  writeMapToDoc,
} from '../../../src/collab/mapDoc';
import {
  applyCommentsChange,
  readCommentsFromDoc,
  writeCommentsToDoc,
} from '../../../src/collab/commentsDoc';
import { addNode, connect, removeNode, updateNode } from '../../../src/model/operations';
import { setTourSteps } from '../../../src/model/tours';
import type { ArgMap } from '../../../src/model/schema';
import { sampleMap } from '../model/sampleMap';
import {
  contentOf,
  expectValid,
  fullMap,
  peers,
  repoMaps,
  syncDocs,
  syncPeers,
  valid,
} from './peers';

const node = (map: ArgMap, id: string) => map.nodes.find((n) => n.id === id)!;

describe('round trip', () => {
  const cases = [
    ...repoMaps(),
    { name: 'the sample map', map: valid(sampleMap()) },
    { name: 'a map with every optional field', map: fullMap() },
  ];
  it.each(cases)('$name reads back as written, through an update, and validates', ({ map }) => {
    const doc = new Y.Doc();
    expect(holdsMap(doc)).toBe(false);
    writeMapToDoc(map, doc);
    expect(holdsMap(doc)).toBe(true);
    expect(readMapFromDoc(doc)).toEqual(contentOf(map));
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    const read = readMapFromDoc(copy);
    expect(read).toEqual(contentOf(map));
    expect(JSON.stringify(read)).toBe(JSON.stringify(contentOf(map)));
    expectValid(read);
  });

  it('keeps comments in their own document, and apart from an absent list', () => {
    const map = fullMap();
    const doc = new Y.Doc();
    writeCommentsToDoc(map.comments, doc);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    expect(readCommentsFromDoc(copy)).toEqual(map.comments);
    const none = new Y.Doc();
    writeCommentsToDoc(undefined, none);
    expect(readCommentsFromDoc(none)).toBeUndefined();
    const empty = new Y.Doc();
    writeCommentsToDoc([], empty);
    expect(readCommentsFromDoc(empty)).toEqual([]);
    // The content document holds no comment at all.
    const content = new Y.Doc();
    writeMapToDoc(map, content);
    expect(JSON.stringify(content.toJSON())).not.toContain('Because.');
  });

  it('refuses to write a map into a document that holds one', () => {
    const doc = new Y.Doc();
    writeMapToDoc(fullMap(), doc);
    expect(() => writeMapToDoc(fullMap(), doc)).toThrow(/already holds/);
  });

  it('writes a whole map in one transaction', () => {
    const doc = new Y.Doc();
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    writeMapToDoc(repoMaps()[0]!.map, doc);
    expect(transactions).toBe(1);
  });

  it('reuses the records of the previous read that read the same', () => {
    const map = fullMap();
    const [a, b] = peers(map);
    const first = readMapFromDoc(b!.content);
    expect(readMapFromDoc(b!.content, first)).toBe(first);
    applyMapChange(a!.content, map, updateNode(map, 'n2', { text: 'Trees cool' }));
    syncDocs(a!.content, b!.content);
    const second = readMapFromDoc(b!.content, first);
    expect(second).not.toBe(first);
    expect(node(second, 'n2').text).toBe('Trees cool');
    expect(node(second, 'n1')).toBe(node(first, 'n1'));
    expect(second.edges).toBe(first.edges);
    expect(second.sources).toBe(first.sources);
  });
});

describe('applyMapChange', () => {
  it('writes only the fields that changed', () => {
    const map = fullMap();
    const doc = new Y.Doc();
    writeMapToDoc(map, doc);
    const changed: unknown[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => {
      for (const [type, keys] of tr.changed) changed.push([type.constructor.name, [...keys]]);
    });
    applyMapChange(doc, map, updateNode(map, 'n1', { rating: 2 }));
    // One key of one node's Y.Map: nothing else.
    expect(changed).toEqual([['YMap', ['rating']]]);
    changed.length = 0;
    applyMapChange(doc, map, updateNode(map, 'n1', { text: 'Plant many more trees' }));
    expect(changed).toEqual([['YText', [null]]]);
  });

  it('edits a text by its common prefix and suffix', () => {
    const text = new Y.Doc().getText('t');
    text.insert(0, 'Plant more trees');
    const deltas: unknown[] = [];
    text.observe((event) => deltas.push(event.delta));
    editText(text, 'Plant more big trees');
    expect(deltas).toEqual([[{ retain: 11 }, { insert: 'big ' }]]);
    editText(text, 'Plant trees');
    expect(deltas[1]).toEqual([{ retain: 6 }, { delete: 9 }]);
    expect(text.toString()).toBe('Plant trees');
    // Never between the halves of one character.
    editText(text, '😀');
    editText(text, '😃');
    expect(text.toString()).toBe('😃');
  });

  it('keeps a map read back the same after a sequence of edits', () => {
    let map = fullMap();
    const doc = new Y.Doc();
    writeMapToDoc(map, doc);
    const steps: ((m: ArgMap) => ArgMap)[] = [
      (m) => updateNode(m, 'n1', { note: undefined, translations: { zh: '多种树木' } }),
      (m) => addNode(m, { id: 'n9', kind: 'claim', text: 'New', refs: [{ sentence: 's3' }] }).map,
      (m) => connect(m, 'n9', 'n1', 'supports').map,
      (m) => removeNode(m, 'n2'),
      (m) => setTourSteps(m, 't1', ['n9', 'n1', 'n3']),
      (m) => ({
        ...m,
        title: 'Trees in cities',
        groups: undefined,
        nodes: m.nodes.map((n) => {
          const { group: _g, ...rest } = n;
          return rest;
        }),
      }),
      (m) => ({ ...m, nodes: [...m.nodes].reverse() }),
    ];
    for (const step of steps) {
      const next = step(map);
      applyMapChange(doc, map, next);
      expect(readMapFromDoc(doc)).toEqual(contentOf(next));
      map = next;
    }
  });
});

describe('concurrent edits', () => {
  it('keeps edits to different fields of one node', () => {
    const map = fullMap();
    const [a, b] = peers(map);
    applyMapChange(a!.content, map, updateNode(map, 'n3', { rating: 5, kind: 'evidence' }));
    applyMapChange(b!.content, map, updateNode(map, 'n3', { text: 'Shade saves much energy' }));
    applyMapChange(b!.content, map, updateNode(map, 'n3', { position: { x: 1, y: 2 } }));
    syncPeers(a!, b!);
    for (const peer of [a!, b!]) {
      const n3 = node(readMapFromDoc(peer.content), 'n3');
      expect(n3).toMatchObject({
        kind: 'evidence',
        rating: 5,
        text: 'Shade saves much energy',
        position: { x: 1, y: 2 },
      });
    }
  });

  it('merges text typed at once in two places of one field', () => {
    const map = fullMap();
    const [a, b] = peers(map);
    applyMapChange(a!.content, map, updateNode(map, 'n3', { text: 'Cool shade saves energy' }));
    applyMapChange(b!.content, map, updateNode(map, 'n3', { text: 'Shade saves energy bills' }));
    // A title and a translation typed at once too.
    applyMapChange(a!.content, map, { ...map, title: 'Urban trees now' });
    applyMapChange(b!.content, map, { ...map, title: 'Our urban trees' });
    applyMapChange(
      a!.content,
      map,
      updateNode(map, 'n1', { translations: { zh: '多种树!', fr: 'Plantez' } }),
    );
    applyMapChange(
      b!.content,
      map,
      updateNode(map, 'n1', { translations: { zh: '请多种树', fr: 'Plantez' } }),
    );
    syncPeers(a!, b!);
    const merged = readMapFromDoc(a!.content);
    expect(readMapFromDoc(b!.content)).toEqual(merged);
    expect(node(merged, 'n3').text).toBe('Cool shade saves energy bills');
    expect(merged.title).toBe('Our urban trees now');
    expect(node(merged, 'n1').translations).toEqual({ zh: '请多种树!', fr: 'Plantez' });
  });

  it('gives records added at once the same order on every peer', () => {
    const map = fullMap();
    const [a, b, c] = peers(map, 3);
    const add = (id: string) =>
      addNode(map, { id, kind: 'claim', text: id, refs: [{ sentence: 's1' }] }).map;
    applyMapChange(a!.content, map, add('na'));
    applyMapChange(b!.content, map, add('nb'));
    applyMapChange(c!.content, map, add('nc'));
    // Delivered in different orders.
    syncDocs(c!.content, a!.content);
    syncDocs(b!.content, c!.content);
    syncDocs(a!.content, b!.content);
    syncPeers(a!, b!, c!);
    const ids = readMapFromDoc(a!.content).nodes.map((n) => n.id);
    expect(ids.slice(0, map.nodes.length)).toEqual(map.nodes.map((n) => n.id));
    expect(new Set(ids.slice(map.nodes.length))).toEqual(new Set(['na', 'nb', 'nc']));
    for (const peer of [b!, c!])
      expect(readMapFromDoc(peer.content).nodes.map((n) => n.id)).toEqual(ids);
  });

  it('repairs a node deleted while another connected it, stepped to it, grouped it', () => {
    const map = fullMap();
    const [a, b] = peers(map);
    applyMapChange(a!.content, map, removeNode(map, 'n3'));
    let edited = connect(map, 'n3', 'n2', 'supports', { id: 'e9' }).map;
    edited = setTourSteps(edited, 't1', ['n3', 'n1']);
    edited = updateNode(edited, 'n3', { text: 'Shade saves a lot', group: 'g2' });
    applyMapChange(b!.content, map, edited);
    // Comments on the deleted node, written at once in the comments document.
    applyCommentsChange(b!.comments, map.comments, [
      ...map.comments!,
      { id: 'c9', target: 'n3', author: 'Bo', text: 'Hm', createdAt: '2026-01-04T00:00:00Z' },
    ]);
    syncPeers(a!, b!);
    const merged = readMapFromDoc(a!.content);
    expectValid(merged);
    expect(readMapFromDoc(b!.content)).toEqual(merged);
    expect(merged.nodes.some((n) => n.id === 'n3')).toBe(false);
    expect(merged.edges.some((e) => e.id === 'e9' || e.id === 'e2')).toBe(false);
    expect(merged.tours[0]!.steps).toEqual(['n1']);
  });

  it('repairs a group deleted while a node moved in, and a cycle made by two moves', () => {
    const map = fullMap();
    type G = NonNullable<ArgMap['groups']>[number];
    const withGroups = (m: ArgMap, f: (g: G) => G): ArgMap => ({ ...m, groups: m.groups!.map(f) });
    const apart = withGroups(map, (g) => ({ id: g.id, title: g.title }));
    const [a, b] = peers(apart);
    // a puts g1 inside g2 while b puts g2 inside g1: each valid alone, a cycle together.
    applyMapChange(
      a!.content,
      apart,
      withGroups(apart, (g) => (g.id === 'g1' ? { ...g, parent: 'g2' } : g)),
    );
    applyMapChange(
      b!.content,
      apart,
      withGroups(apart, (g) => (g.id === 'g2' ? { ...g, parent: 'g1' } : g)),
    );
    syncPeers(a!, b!);
    const cycle = readMapFromDoc(a!.content);
    expectValid(cycle);
    expect(readMapFromDoc(b!.content)).toEqual(cycle);
    // Cut at the smallest id of the cycle: g1 leaves g2, g2 stays inside g1.
    expect(cycle.groups).toEqual([
      { id: 'g1', title: 'Core' },
      { id: 'g2', title: 'Inner', parent: 'g1' },
    ]);
    // A node moved into a group another person deleted at once.
    const [d, e] = peers(map);
    applyMapChange(d!.content, map, { ...map, groups: map.groups!.filter((g) => g.id !== 'g2') });
    applyMapChange(e!.content, map, updateNode(map, 'n4', { group: 'g2' }));
    syncPeers(d!, e!);
    const moved = readMapFromDoc(d!.content);
    expectValid(moved);
    expect(node(moved, 'n4').group).toBeUndefined();
  });

  it('leaves out a source added at once with another under the same sentence ids', () => {
    const map = fullMap();
    const [a, b] = peers(map);
    const source = (id: string, text: string) => ({
      id,
      language: 'en',
      text,
      sentences: [{ id: 's5', start: 0, end: text.length }],
    });
    const cite = (m: ArgMap, id: string, sourceId: string, text: string) =>
      addNode(
        { ...m, sources: [...m.sources, source(sourceId, text)] },
        {
          id,
          kind: 'claim',
          text,
          refs: [{ sentence: 's5' }],
        },
      ).map;
    applyMapChange(a!.content, map, cite(map, 'na', 'srcA', 'Parks help.'));
    applyMapChange(b!.content, map, cite(map, 'nb', 'srcB', 'Roofs help.'));
    syncPeers(a!, b!);
    const merged = readMapFromDoc(a!.content);
    expectValid(merged);
    // Which of the two comes first is the order array's merge, the same on every peer.
    expect(merged.sources).toHaveLength(2);
    expect(merged.sources[0]!.id).toBe('src1');
    expect(readMapFromDoc(b!.content)).toEqual(merged);
  });

  it('leaves out a record a faulty writer wrote against its schema', () => {
    const map = fullMap();
    const [a] = peers(map, 1);
    a!.content.transact(() => {
      a!.content.getMap<Y.Map<unknown>>('nodes').get('n1')!.set('rating', 9);
      a!.content.getMap<Y.Map<unknown>>('edges').get('e3')!.delete('relation');
    });
    const read = readMapFromDoc(a!.content);
    expectValid(read);
    expect(read.nodes.some((n) => n.id === 'n1')).toBe(false);
    expect(read.edges.map((e) => e.id)).toEqual([]);
  });

  it('repairs refs to sentences a corrected source lost, marking a node left bare implicit', () => {
    const map = fullMap();
    const src = map.sources[0]!;
    const fewer = { ...map, sources: [{ ...src, sentences: src.sentences.slice(0, 3) }] };
    const repaired = repairMap(fewer);
    expectValid(repaired);
    expect(node(repaired, 'n4')).toMatchObject({ refs: [], implicit: true });
    expect(repairMap(map)).toBe(map);
  });
});
