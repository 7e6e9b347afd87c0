/**
 * Round trips that hold: for random valid maps with random Unicode texts, export → import through
 * Argdown and through AIF gives back the same statements (texts and kinds) and relations.
 * Seeded, so every run tries the same maps.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  NODE_KINDS,
  type ArgEdge,
  type ArgMap,
  type ArgNode,
  type NodeKind,
  type Relation,
} from '../../../src/model/schema';
import { validateMap } from '../../../src/model/validate';
import { exportArgdown } from '../../../src/io/exportArgdown';
import { exportAif } from '../../../src/io/exportAif';
import { importFile } from '../../../src/io/importFile';
import { signature } from '../io/loadFixture';

const STATEMENT_KINDS: NodeKind[] = NODE_KINDS.filter((k) => k !== 'inference');

/**
 * A statement's text as both formats can hold it: any Unicode (astral, CJK, emoji, markup
 * characters), with whitespace runs as single spaces and no space at either end (Argdown
 * statements are one line).
 */
const text = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        ...'[]<>{}#@*_-=/.:\\+()!&;"\' '.split(''),
        '===',
        '\\ ',
        '--',
        '//',
        '/*',
        '<!--',
      ),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }).filter((c) => c !== '\u0000'),
    ),
    { minLength: 1, maxLength: 20 },
  )
  .map((parts) => parts.join(''))
  .map((s) => s.replace(/\s+/g, ' ').trim())
  .filter((s) => s.length > 0);

const mapArb = fc
  .record({
    texts: fc.uniqueArray(text, { minLength: 1, maxLength: 8 }),
    kinds: fc.array(fc.constantFrom(...STATEMENT_KINDS), { minLength: 8, maxLength: 8 }),
    edges: fc.array(
      fc.record({
        from: fc.nat(),
        to: fc.nat(),
        relation: fc.constantFrom<Relation>('supports', 'attacks'),
      }),
      { maxLength: 10 },
    ),
  })
  .map(({ texts, kinds, edges }): ArgMap => {
    const sourceText = texts.join('\n\n');
    let at = 0;
    const sentences = texts.map((t, i) => {
      const s = { id: `s${i}`, start: at, end: at + t.length };
      at += t.length + 2;
      return s;
    });
    const nodes: ArgNode[] = texts.map((t, i) => ({
      id: `n${i}`,
      kind: kinds[i]!,
      text: t,
      refs: [{ sentence: `s${i}` }],
    }));
    const seen = new Set<string>();
    const list: ArgEdge[] = [];
    for (const e of edges) {
      const from = e.from % texts.length;
      const to = e.to % texts.length;
      const key = `${from} ${to}`;
      if (from === to || seen.has(key)) continue;
      seen.add(key);
      list.push({ id: `e${list.length}`, from: `n${from}`, to: `n${to}`, relation: e.relation });
    }
    return {
      format: 'argmap',
      version: 2,
      id: 'random',
      title: 'Random',
      sources: [{ id: 'src', language: 'en', text: sourceText, sentences }],
      nodes,
      edges: list,
      tours: [],
    };
  });

describe('export → import keeps statements, kinds and relations', () => {
  for (const [format, name, write] of [
    ['Argdown', 'r.argdown', exportArgdown],
    ['AIF', 'r.json', (m: ArgMap) => JSON.stringify(exportAif(m))],
  ] as const) {
    it(`through ${format}`, () => {
      fc.assert(
        fc.property(mapArb, (map) => {
          expect(validateMap(map).ok).toBe(true);
          const back = importFile(name, write(map));
          if (!back.ok) throw new Error(JSON.stringify(back.problems));
          expect(signature(back.map)).toEqual(signature(map));
        }),
        { seed: 17, numRuns: 150 },
      );
    });
  }
});
