/** Helpers for the shared-document tests: peers made of Y.Docs, synced by hand (no server). */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as Y from 'yjs';
import { expect } from 'vitest';

import type { ArgMap, Draft } from '../../../src/model/schema';
import { validateMap } from '../../../src/model/validate';
import { writeMapToDoc } from '../../../src/collab/mapDoc';
import { writeCommentsToDoc } from '../../../src/collab/commentsDoc';
import { sampleMap } from '../model/sampleMap';

/** Every map of `maps/`, read and validated. */
export function repoMaps(): { name: string; map: ArgMap }[] {
  const dir = join(process.cwd(), 'maps');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.argmap.json'))
    .map((name) => ({ name, map: valid(JSON.parse(readFileSync(join(dir, name), 'utf8'))) }));
}

export function articleMap(): ArgMap {
  return repoMaps().find((m) => m.name.startsWith('us-japan'))!.map;
}

/** The small sample map with every optional field the schema has, and comments. */
export function fullMap(): ArgMap {
  const map: Draft<ArgMap> = sampleMap();
  map.createdAt = '2026-01-01T00:00:00.000Z';
  map.updatedAt = '2026-01-02T00:00:00.000Z';
  const source = map.sources[0]!;
  Object.assign(source, {
    title: 'Trees',
    author: 'A. Writer',
    publication: 'Daily',
    date: '2026-01-01',
    origin: { kind: 'text', fileName: 'trees.txt' },
    pages: [
      { label: '1', start: 0 },
      { label: '2', start: 72 },
    ],
  });
  Object.assign(map.nodes[0]!, {
    translations: { fr: 'Plantez', zh: '多种树' },
    note: 'The **thesis**',
    tags: ['main'],
    rating: 4,
    position: { x: 10, y: -20 },
    group: 'g1',
    label: 'Thesis',
  });
  map.nodes.push({ id: 'n5', kind: 'inference', text: '', refs: [], scheme: 'Argument From Sign' });
  map.nodes.push({ id: 'n6', kind: 'claim', text: 'Unstated', refs: [], implicit: true });
  Object.assign(map.edges[0]!, { note: 'strong link', rating: 5, scheme: 'Default Inference' });
  map.groups = [
    { id: 'g1', title: 'Core', translations: { zh: '核心' }, collapsed: true },
    { id: 'g2', title: 'Inner', parent: 'g1' },
  ];
  map.tours.push({ id: 't2', title: 'Short', steps: ['n1', 'n4', 'n1'] });
  map.comments = [
    { id: 'c1', target: 'n1', author: 'Ann', text: 'Why?', createdAt: '2026-01-03T00:00:00Z' },
    {
      id: 'c2',
      target: 'n1',
      author: 'Bo',
      text: 'Because.',
      createdAt: '2026-01-03T00:01:00Z',
      replyTo: 'c1',
      resolved: true,
    },
    { id: 'c3', target: 'e1', author: 'Ann', text: 'Edge', createdAt: '2026-01-03T00:02:00Z' },
  ];
  return valid(map);
}

export function valid(doc: unknown): ArgMap {
  const checked = validateMap(doc);
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems.slice(0, 5)));
  return checked.map;
}

/** Expects `map` to pass the model's validator. */
export function expectValid(map: ArgMap): void {
  const checked = validateMap(map);
  expect(checked.ok ? [] : checked.problems).toEqual([]);
}

export interface Peer {
  content: Y.Doc;
  comments: Y.Doc;
}

export function emptyPeer(): Peer {
  return { content: new Y.Doc(), comments: new Y.Doc() };
}

/** `count` peers holding `map`: written by the first, synced to the others. */
export function peers(map: ArgMap, count = 2): Peer[] {
  const first = emptyPeer();
  writeMapToDoc(map, first.content);
  writeCommentsToDoc(map.comments, first.comments);
  const all = [first];
  for (let i = 1; i < count; i++) {
    const peer = emptyPeer();
    syncDocs(first.content, peer.content);
    syncDocs(first.comments, peer.comments);
    all.push(peer);
  }
  return all;
}

/** Brings two documents to the same state (each gets what it lacks of the other). */
export function syncDocs(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), 'remote');
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), 'remote');
}

export function syncPeers(...all: Peer[]): void {
  for (const a of all)
    for (const b of all) {
      if (a === b) continue;
      syncDocs(a.content, b.content);
      syncDocs(a.comments, b.comments);
    }
}

/** The map without its comments list (what the content document holds). */
export function contentOf(map: ArgMap): ArgMap {
  const { comments: _comments, ...rest } = map;
  return rest;
}
