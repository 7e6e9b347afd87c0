/**
 * Adversarial shapes within the limits — deep, wide, parallel, unclosed, repeated — through the
 * importers, the validator and the exporters. Each must take time roughly linear in its size:
 * the shape at 4n may take at most 10 times as long as at n (linear is 4, quadratic 16), and at
 * the size the limits allow at most 5 s.
 */
import { describe, expect, it } from 'vitest';
import type { ArgEdge, ArgMap, ArgNode, Draft } from '../../../src/model/schema';
import { MAP_LIMITS } from '../../../src/model/limits';
import { validateMap } from '../../../src/model/validate';
import { importFile } from '../../../src/io/importFile';
import { serializeMap } from '../../../src/io/mapFile';
import { exportArgdown } from '../../../src/io/exportArgdown';
import { exportAif } from '../../../src/io/exportAif';
import { exportMarkdown } from '../../../src/io/exportMarkdown';
import { exportSvg } from '../../../src/io/exportSvg';
import { htmlToText } from '../../../src/io/htmlToText';
import { sentenceRanges } from '../../../src/source/segment';

function time(run: () => void): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

/** `make(n)` then `run` on it: roughly linear from n to 4n, and within 5 s at `atLimit`. */
function expectLinear<T>(
  make: (n: number) => T,
  run: (input: T) => void,
  n: number,
  atLimit = n * 4,
) {
  const small = make(n);
  const large = make(n * 4);
  run(small); // warm the code paths up
  // The machine may be busy: the best of three small runs, and a second large run if needed.
  const t1 = Math.min(...[0, 1, 2].map(() => time(() => run(small))));
  let t4 = time(() => run(large));
  if (t4 >= Math.max(10 * t1, 300))
    t4 = Math.min(
      t4,
      time(() => run(large)),
    );
  expect(t4, `${Math.round(t1)} ms at n, ${Math.round(t4)} ms at 4n`).toBeLessThan(
    Math.max(10 * t1, 300),
  );
  if (atLimit > n * 4) {
    const limit = make(atLimit);
    expect(time(() => run(limit))).toBeLessThan(5000);
  } else expect(t4).toBeLessThan(5000);
}

/** A map of `nodes` stated nodes on one source, sentence per node, and the given edges. */
function mapOf(
  count: number,
  edges: (ids: string[]) => [number, number][],
  text = (i: number) => `Claim number ${i}.`,
): Draft<ArgMap> {
  const parts = Array.from({ length: count }, (_, i) => text(i));
  let at = 0;
  const sentences = parts.map((p, i) => {
    const s = { id: `s${i}`, start: at, end: at + p.length };
    at += p.length + 1;
    return s;
  });
  const ids = parts.map((_, i) => `n${i}`);
  const nodes: Draft<ArgNode>[] = parts.map((p, i) => ({
    id: ids[i]!,
    kind: i === 0 ? 'conclusion' : 'claim',
    text: p,
    refs: [{ sentence: `s${i}` }],
  }));
  const list: Draft<ArgEdge>[] = edges(ids).map(([from, to], i) => ({
    id: `e${i}`,
    from: ids[from]!,
    to: ids[to]!,
    relation: i % 3 === 2 ? 'attacks' : 'supports',
  }));
  return {
    format: 'argmap',
    version: 2,
    id: 'shape',
    title: 'Shape',
    sources: [{ id: 'src', language: 'en', text: parts.join(' '), sentences }],
    nodes,
    edges: list,
    tours: [],
  };
}

/** Every importer and exporter over one map: validation, native, Argdown and AIF both ways, Markdown. */
function throughEverything(map: ArgMap) {
  expect(validateMap(map).ok).toBe(true);
  expect(importFile('m.argmap.json', serializeMap(map)).ok).toBe(true);
  const argdown = importFile('m.argdown', exportArgdown(map));
  expect(argdown.ok).toBe(true);
  const aif = importFile('m.json', JSON.stringify(exportAif(map)));
  expect(aif.ok).toBe(true);
  exportMarkdown(map);
}

describe('adversarial shapes take roughly linear time', { timeout: 60_000 }, () => {
  it('wide: one conclusion with every other node supporting it', () => {
    expectLinear(
      (n) => mapOf(n, (ids) => ids.slice(1).map((_, i) => [i + 1, 0])),
      throughEverything,
      500,
    );
  });

  it('deep: a chain of support as long as the map, and groups nested as deep as allowed', () => {
    expectLinear(
      (n) => {
        const map = mapOf(n, (ids) => ids.slice(1).map((_, i) => [i + 1, i]));
        map.groups = Array.from({ length: Math.min(n, MAP_LIMITS.groups) }, (_, i) => ({
          id: `g${i}`,
          title: `Part ${i}`,
          ...(i ? { parent: `g${i - 1}` } : {}),
        }));
        map.nodes = map.nodes.map((node, i) => ({ ...node, group: `g${i % map.groups!.length}` }));
        return map;
      },
      (map) => {
        expect(validateMap(map).ok).toBe(true);
        exportArgdown(map);
        exportMarkdown(map);
        exportAif(map);
      },
      250,
    );
  });

  it('parallel: thousands of edges between the same two nodes', () => {
    expectLinear(
      (n) => mapOf(2, () => Array.from({ length: n }, () => [1, 0] as [number, number])),
      (map) => {
        throughEverything(map);
        exportSvg(map);
      },
      1250,
      MAP_LIMITS.edges / 6,
    );
  });

  it('unclosed: HTML of an AIF text with tags never closed and closings never opened', () => {
    expectLinear(
      (n) => '<b x="1">'.repeat(n) + '</i>'.repeat(n) + '<a'.repeat(n) + '<!--'.repeat(n),
      (html) => htmlToText(html),
      10_000,
      // a source text may have 2,000,000 characters; this one has 19 × n
      Math.floor(MAP_LIMITS.sourceChars / 19),
    );
  });

  it('unclosed: the same HTML as an AIF file, imported', () => {
    expectLinear(
      (n) =>
        JSON.stringify({
          AIF: { nodes: [{ nodeID: '1', text: 'A claim', type: 'I' }], edges: [] },
          text: `A claim.${'<span class="x">'.repeat(n)}${'</p>'.repeat(n)}`,
        }),
      (json) => expect(importFile('ova.json', json).ok).toBe(true),
      5_000,
      Math.floor((MAP_LIMITS.sourceChars - 8) / 20),
    );
  });

  it('wide: AIF with thousands of statements, each searched for in the analysed text', () => {
    // Statements found exactly, found only loosely (AIFdb drops commas and case), and not
    // found, in a text of long sentences (a hundred clauses each: the statement search is measured
    // here, not the sentence splitting).
    const statement = (i: number) =>
      i % 3 === 0 ? `claim ${i} holds` : i % 3 === 1 ? `Claim, ${i} HOLDS.` : `Absent ${i}`;
    const clause = (i: number) => (i % 3 === 2 ? 'something else' : `claim ${i} holds`);
    expectLinear(
      (n) => ({
        json: JSON.stringify({
          nodes: Array.from({ length: n }, (_, i) => ({
            nodeID: String(i),
            text: statement(i),
            type: 'I',
          })),
          edges: [],
        }),
        text: Array.from({ length: n }, (_, i) => clause(i) + (i % 100 === 99 ? '. ' : ', ')).join(
          '',
        ),
      }),
      ({ json, text }) => {
        const result = importFile('nodeset.json', json, { sidecarText: text });
        if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 3)));
        const placed = result.map.nodes.filter((node) => node.refs.length > 0).length;
        expect(placed).toBe(result.map.nodes.length - Math.floor(result.map.nodes.length / 3));
      },
      2_000,
      MAP_LIMITS.nodes,
    );
  });

  it('repeated: many nodes with the same text, and Argdown repeating one statement', () => {
    expectLinear(
      (n) =>
        mapOf(
          n,
          (ids) => ids.slice(1).map((_, i) => [i + 1, 0]),
          () => 'The same sentence.',
        ),
      throughEverything,
      500,
    );
    expectLinear(
      (n) => `[a]: A statement.\n${'\n[a]\n  + [b]: A reason.\n'.repeat(n)}`,
      (text) => expect(importFile('r.argdown', text).ok).toBe(true),
      500,
    );
  });

  it('long: one paragraph of thousands of short sentences, split into sentences', () => {
    // The platform's sentence segmenter alone grows with the square of the text it is given.
    expectLinear(
      (n) =>
        Array.from({ length: n }, (_, i) => (i % 3 ? `Claim number ${i}.` : `第${i}个论点。`)).join(
          ' ',
        ),
      (text) => expect(sentenceRanges(text, 'en').length).toBeGreaterThan(0),
      4000,
      MAP_LIMITS.sentences,
    );
  });
});
