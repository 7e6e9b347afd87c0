/**
 * Argumentation schemes survive AIF both ways (#13): import reads the `scheme` field of RA/CA/MA
 * nodes, the scheme named in their text (OVA writes it there) and OVA3's `schemefulfillments`;
 * export writes `scheme`, `schemeID` and `schemefulfillments` back. Checked on every shared AIF
 * fixture (skipped with a notice where ../shared/fixtures is absent) and on a made-up OVA3 file.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importAif } from '../../../src/io/importAif';
import { exportAif } from '../../../src/io/exportAif';
import { aifLosses } from '../../../src/io/formatLosses';
import { isDefaultScheme } from '../../../src/model/schemes';
import type { ArgMap } from '../../../src/model/schema';
import { validateMap } from '../../../src/model/validate';
import { hasSharedFixtures, sharedFixtures } from './loadFixture';

if (!hasSharedFixtures) {
  console.warn(`Skipping the AIF scheme round trips: ${sharedFixtures} does not exist.`);
}

type Json = Record<string, unknown>;
const aifDir = resolve(sharedFixtures, 'aif');
const fixtures = hasSharedFixtures
  ? readdirSync(aifDir)
      .filter((f) => f.endsWith('.json'))
      .sort()
  : [];

function importOk(doc: unknown, text?: string): ArgMap {
  const result = importAif(doc, { now: 'x', ...(text !== undefined ? { text } : {}) });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  expect(validateMap(result.map).ok).toBe(true);
  return result.map;
}

/**
 * Every argument of the map with its scheme: "premises -relation-> conclusion: scheme", by node
 * text (a junction's premises sorted), for the junctions and the edges that stand for an S-node.
 */
function schemesOf(map: ArgMap): string[] {
  const byId = new Map(map.nodes.map((n) => [n.id, n]));
  const name = (id: string): string => {
    const node = byId.get(id)!;
    if (node.kind !== 'inference') return node.text;
    const premises = map.edges.filter((e) => e.to === id && e.relation === 'supports');
    return `{${premises
      .map((e) => name(e.from))
      .sort()
      .join(' & ')}}`;
  };
  const out: string[] = [];
  for (const e of map.edges) {
    const to = byId.get(e.to)!;
    if (to.kind === 'inference' && e.relation === 'supports') continue; // a premise of a junction
    const from = byId.get(e.from)!;
    const scheme = from.kind === 'inference' ? from.scheme : e.scheme;
    out.push(`${name(e.from)} -${e.relation}-> ${name(e.to)}: ${scheme ?? '(none)'}`);
  }
  return out.sort();
}

/** The scheme names a map holds, as a sorted multiset. */
const names = (map: ArgMap) =>
  [
    ...map.nodes.flatMap((n) => (n.scheme ? [n.scheme] : [])),
    ...map.edges.flatMap((e) => (e.scheme ? [e.scheme] : [])),
  ].sort();

/** The particular schemes an AIF file gives its S-nodes (defaults left out), sorted. */
function fileSchemes(doc: Json): string[] {
  const aif = (typeof doc.AIF === 'object' && doc.AIF ? doc.AIF : doc) as Json;
  const nodes = (Array.isArray(aif.nodes) ? aif.nodes : []) as Json[];
  return nodes
    .filter((n) => ['RA', 'CA', 'MA'].includes(n.type as string))
    .map((n) => (typeof n.scheme === 'string' ? n.scheme : (n.text as string)))
    .filter((s) => !isDefaultScheme(s))
    .sort();
}

describe.skipIf(!hasSharedFixtures)('schemes through AIF, on every shared AIF fixture', () => {
  it.each(fixtures)('%s: import → export → import keeps the scheme of every RA/CA/MA', (file) => {
    const doc = JSON.parse(readFileSync(resolve(aifDir, file), 'utf8')) as Json;
    const txt = resolve(aifDir, file.replace(/\.json$/, '.txt'));
    const first = importOk(doc, existsSync(txt) ? readFileSync(txt, 'utf8') : undefined);
    // Every particular scheme the file names is on the imported map, none invented.
    expect(names(first)).toEqual(fileSchemes(doc));
    const exported = JSON.parse(JSON.stringify(exportAif(first))) as Json;
    expect(fileSchemes(exported)).toEqual(fileSchemes(doc));
    const second = importOk(exported);
    expect(schemesOf(second)).toEqual(schemesOf(first));
    expect(names(second)).toEqual(names(first));
  });

  it('nodeset542: the AIFdb scheme names and ids come back on the exported S-nodes', () => {
    const doc = JSON.parse(readFileSync(resolve(aifDir, 'nodeset542.json'), 'utf8')) as Json;
    const map = importOk(doc, readFileSync(resolve(aifDir, 'nodeset542.txt'), 'utf8'));
    expect(names(map)).toEqual(['CauseToEffect', 'Commitment', 'Ignorance']);
    const out = exportAif(map);
    const s = out.AIF.nodes.filter((n) => n.scheme);
    expect(s.map((n) => [n.type, n.scheme, n.schemeID, n.text]).sort()).toEqual([
      ['RA', 'CauseToEffect', '4', 'CauseToEffect'],
      ['RA', 'Commitment', '6', 'Commitment'],
      ['RA', 'Ignorance', '19', 'Ignorance'],
    ]);
    expect(out.AIF.schemefulfillments).toEqual(
      expect.arrayContaining(s.map((n) => ({ nodeID: n.nodeID, schemeID: n.schemeID }))),
    );
    expect(aifLosses(map).filter((l) => l.includes('scheme'))).toEqual([]);
  });

  it('28037 (OVA3): the "Evaluation" rephrases keep their scheme; defaults add none', () => {
    const doc = JSON.parse(readFileSync(resolve(aifDir, '28037.json'), 'utf8')) as Json;
    const map = importOk(doc);
    expect(names(map)).toEqual(['Evaluation', 'Evaluation', 'Evaluation']);
  });
});

describe('schemes in OVA3 schemefulfillments', () => {
  /** An OVA3-shaped file: one RA named only by its fulfilment, one CA by its text. */
  const ova = {
    AIF: {
      nodes: [
        { nodeID: '1_x', text: 'Dr Lee says vaccines are safe', type: 'I' },
        { nodeID: '2_x', text: 'Vaccines are safe', type: 'I' },
        { nodeID: '3_x', text: 'Default Inference', type: 'RA' },
        { nodeID: '4_x', text: 'Dr Lee is paid by the maker', type: 'I' },
        { nodeID: '5_x', text: 'Argument From Bias', type: 'CA' },
      ],
      edges: [
        { edgeID: '1', fromID: '1_x', toID: '3_x' },
        { edgeID: '2', fromID: '3_x', toID: '2_x' },
        { edgeID: '3', fromID: '4_x', toID: '5_x' },
        { edgeID: '4', fromID: '5_x', toID: '1_x' },
      ],
      schemefulfillments: [
        { nodeID: '3_x', schemeID: '19' },
        { nodeID: '5_x', schemeID: '999' },
      ],
      locutions: [],
      participants: [],
    },
    text: 'Dr Lee says vaccines are safe. Vaccines are safe. Dr Lee is paid by the maker.',
    OVA: [],
  };

  it('a scheme known only by its id is named; a name in the text is kept as written', () => {
    const map = importOk(ova);
    expect(schemesOf(map)).toEqual([
      'Dr Lee is paid by the maker -attacks-> Dr Lee says vaccines are safe: Argument From Bias',
      'Dr Lee says vaccines are safe -supports-> Vaccines are safe: Ignorance',
    ]);
    const out = exportAif(map);
    const ra = out.AIF.nodes.find((n) => n.type === 'RA')!;
    expect(ra).toMatchObject({ text: 'Ignorance', scheme: 'Ignorance', schemeID: '19' });
    expect(out.AIF.schemefulfillments).toEqual([{ nodeID: ra.nodeID, schemeID: '19' }]);
    expect(schemesOf(importOk(JSON.parse(JSON.stringify(out))))).toEqual(schemesOf(map));
  });
});
