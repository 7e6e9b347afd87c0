/**
 * AIF with the text it analysed: AIFdb's `.txt` beside the JSON, or OVA3's `text` field. Each
 * I-node is anchored to its span by quote; one the text does not hold is tagged unanchored (and
 * listed in the report) rather than dropped. Real files from ../shared/fixtures, read in place.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importWithRegistry } from '../../../src/io/registry';
import { UNANCHORED_TAG, findUnanchored } from '../../../src/source/reanchor';
import { english } from '../../../src/model/messages';
import { hasSharedFixtures, sharedFixtures } from './loadFixture';

if (!hasSharedFixtures) {
  console.warn(`Skipping the AIF-with-text tests: ${sharedFixtures} does not exist.`);
}
const bytes = (path: string) => new Uint8Array(readFileSync(resolve(sharedFixtures, path)));
const utf8 = (text: string) => new TextEncoder().encode(text);

describe.skipIf(!hasSharedFixtures)('AIF with its analysed text', () => {
  it('anchors the I-nodes of AIFdb nodeset542 in the .txt beside it, flagging the one it lacks', async () => {
    const result = await importWithRegistry({
      file: { name: 'nodeset542.json', bytes: bytes('aif/nodeset542.json') },
      sidecar: { name: 'nodeset542.txt', bytes: bytes('aif/nodeset542.txt') },
    });
    if (result.kind !== 'map') throw new Error(JSON.stringify(result));
    const { map } = result;
    const source = map.sources[0]!;
    const statements = map.nodes.filter((n) => n.kind !== 'inference');
    expect(statements).toHaveLength(11);
    // The analyst's reconstructed premise is in no sentence of the text: flagged, not dropped.
    const lost = statements.filter((n) => n.tags?.includes(UNANCHORED_TAG));
    expect(lost.map((n) => n.text)).toEqual([
      'If it is true that God excludes not one it is false that he excludes somebody',
    ]);
    expect(findUnanchored(map).map((u) => u.nodeId)).toEqual([lost[0]!.id]);
    for (const node of statements.filter((n) => !lost.includes(n))) {
      expect(node.refs.length, node.text).toBeGreaterThan(0);
      // The cited span holds the statement's words (AIFdb drops some punctuation).
      const cited = node.refs
        .map((r) => {
          const s = source.sentences.find((x) => x.id === r.sentence)!;
          return source.text.slice(r.start ?? s.start, r.end ?? s.end);
        })
        .join(' ')
        .toLowerCase();
      const words = node.text.toLowerCase().match(/[a-z]{4,}/g) ?? [];
      expect(
        words.filter((w) => !cited.includes(w)),
        node.text,
      ).toEqual([]);
    }
  });

  it('anchors every I-node of AIFdb nodeset6361 (microtexts) in its .txt', async () => {
    const result = await importWithRegistry({
      file: { name: 'nodeset6361.json', bytes: bytes('aif/nodeset6361.json') },
      sidecar: { name: 'nodeset6361.txt', bytes: bytes('aif/nodeset6361.txt') },
    });
    if (result.kind !== 'map') throw new Error(JSON.stringify(result));
    const statements = result.map.nodes.filter((n) => n.kind !== 'inference');
    expect(statements.length).toBe(5);
    for (const node of statements) expect(node.refs.length, node.text).toBeGreaterThan(0);
    expect(findUnanchored(result.map)).toEqual([]);
  });

  it('tags the statements the text does not hold as unanchored and lists them', async () => {
    const json = JSON.parse(readFileSync(resolve(sharedFixtures, 'aif/nodeset542.json'), 'utf8'));
    const first = (json.nodes as { type: string; text: string }[]).find(
      (n) => n.type === 'I' && n.text.trim() === 'It is unfair to do this.',
    )!;
    const text = readFileSync(resolve(sharedFixtures, 'aif/nodeset542.txt'), 'utf8');
    // The text without the first statement's words.
    const without = text.split(first.text.trim()).join('');
    expect(without).not.toBe(text);
    const result = await importWithRegistry({
      file: { name: 'nodeset542.json', bytes: utf8(JSON.stringify(json)) },
      sidecar: { name: 'nodeset542.txt', bytes: utf8(without) },
    });
    if (result.kind !== 'map') throw new Error(JSON.stringify(result));
    const lost = result.map.nodes.filter((n) => n.tags?.includes(UNANCHORED_TAG));
    const gone = lost.find((n) => n.text === 'It is unfair to do this.')!;
    expect(gone.implicit).toBe(true);
    expect(lost).toHaveLength(2); // and the reconstructed premise, as before
    const report = result.notes.map(english);
    expect(report.find((l) => l.startsWith('Not found in the analysed text'))).toContain(
      `${gone.id} “It is unfair to do this.”`,
    );
  });

  it("anchors OVA3's I-nodes in the analysed text it carries", async () => {
    const result = await importWithRegistry({
      file: { name: '28037.json', bytes: bytes('aif/28037.json') },
    });
    if (result.kind !== 'map') throw new Error(JSON.stringify(result));
    const statements = result.map.nodes.filter((n) => n.kind !== 'inference');
    expect(statements).toHaveLength(15);
    // The three outcomes the analyst wrote without their probabilities are not in the text.
    const lost = statements.filter((n) => !n.refs.length);
    expect(lost.map((n) => n.text.split(' will win')[0])).toEqual([
      'Ekrem İmamoğlu',
      'Binali Yıldırım',
      'someone else',
    ]);
    for (const node of lost) expect(node.tags).toContain(UNANCHORED_TAG);
    expect(statements.filter((n) => n.tags?.includes(UNANCHORED_TAG))).toHaveLength(3);
  });
});
