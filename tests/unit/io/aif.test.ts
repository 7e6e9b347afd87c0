import { describe, expect, it } from 'vitest';
import { exportAif } from '../../../src/io/exportAif';
import { importAif, isAif } from '../../../src/io/importAif';
import { htmlToText } from '../../../src/io/htmlToText';
import { loadMap, signature } from './loadFixture';
import { describeProblem } from '../../../src/model/problem';

describe('exportAif', () => {
  const map = loadMap();
  const doc = exportAif(map);
  const byId = new Map(doc.AIF.nodes.map((n) => [n.nodeID, n]));

  it('has OVA3’s shape: AIF, text and OVA layout, every edge between existing nodes', () => {
    expect(Object.keys(doc)).toEqual(['AIF', 'text', 'OVA']);
    expect(doc.AIF.locutions).toEqual([]);
    for (const e of doc.AIF.edges) {
      expect(byId.has(e.fromID) && byId.has(e.toID)).toBe(true);
    }
    expect(doc.OVA.nodes.map((n) => n.nodeID).sort()).toEqual(
      doc.AIF.nodes.map((n) => n.nodeID).sort(),
    );
    expect(doc.OVA.edges).toHaveLength(doc.AIF.edges.length);
    expect(doc.AIF.nodes[0]!.timestamp).toBe('2026-11-26 12:00:00');
  });

  it('uses I-nodes for statements, RA/CA/MA between them, one RA for the linked premises', () => {
    const count = (type: string) => doc.AIF.nodes.filter((n) => n.type === type).length;
    expect(count('I')).toBe(8);
    expect(count('RA')).toBe(2); // e1, and the junction n8
    expect(count('CA')).toBe(2);
    expect(count('MA')).toBe(1);
    const linked = doc.AIF.nodes.find(
      (n) => n.type === 'RA' && doc.AIF.edges.filter((e) => e.toID === n.nodeID).length === 2,
    );
    expect(linked).toBeDefined();
    const premises = doc.AIF.edges
      .filter((e) => e.toID === linked!.nodeID)
      .map((e) => byId.get(e.fromID)!.text);
    expect(premises.sort()).toEqual([
      'A policy the public rejects is hard to sustain.',
      '日本民众普遍反对核武器。',
    ]);
  });

  it('marks each node’s quote in the analysed text with a span OVA can tie to the I-node', () => {
    const { text, spans } = htmlToText(doc.text);
    expect(text).toBe(map.sources[0]!.text);
    const evidence = doc.AIF.nodes.find((n) => n.text === '日本民众普遍反对核武器。')!;
    const range = spans.get(`node${evidence.nodeID}`)!;
    expect(text.slice(range.start, range.end)).toBe('日本民众普遍反对核武器。');
  });

  it('escapes node text in the HTML text', () => {
    const hostile = {
      ...map,
      sources: [{ ...map.sources[0]!, text: `<b onclick=x>${map.sources[0]!.text.slice(13)}` }],
    };
    expect(exportAif(hostile).text).not.toContain('<b');
  });
});

describe('native → AIF → native', () => {
  it('keeps statements, kinds, relations, positions and quotes', () => {
    const map = loadMap();
    const back = importAif(JSON.parse(JSON.stringify(exportAif(map))), { now: 'x' });
    if (!back.ok) throw new Error(JSON.stringify(back.problems));
    expect(signature(back.map)).toEqual(signature(map));
    const evidence = back.map.nodes.find((n) => n.kind === 'evidence')!;
    expect(evidence.refs).toEqual(map.nodes.find((n) => n.id === 'n3')!.refs);
    expect(back.map.nodes.every((n) => n.position)).toBe(true);
  });

  it('leaves groups out of the AIF, and the import says that AIF has none', () => {
    const map = loadMap();
    const grouped = {
      ...map,
      groups: [{ id: 'g1', title: 'Part one' }],
      nodes: map.nodes.map((n) => ({ ...n, group: 'g1' })),
    };
    const aif = exportAif(grouped);
    expect(aif).toEqual(exportAif(map));
    const back = importAif(JSON.parse(JSON.stringify(aif)), { now: 'x' });
    if (!back.ok) throw new Error(JSON.stringify(back.problems));
    expect(back.map.groups).toBeUndefined();
    expect(back.report).toContain('AIF has no sections or groups: the map has none.');
  });
});

describe('importAif on malformed input', () => {
  const node = (nodeID: string | number, type: string, text = type) => ({ nodeID, type, text });
  const edge = (edgeID: number, fromID: string | number, toID: string | number) => ({
    edgeID,
    fromID,
    toID,
  });

  it('refuses what is not AIF', () => {
    expect(importAif({ hello: 1 }).ok).toBe(false);
    expect(importAif(null).ok).toBe(false);
    expect(isAif({ AIF: { nodes: [], edges: [] } })).toBe(true);
  });

  it('refuses edges to missing nodes, duplicate ids and self-loops, naming each at its JSON path', () => {
    const result = importAif({
      nodes: [
        node('1', 'I', 'A'),
        node('2', 'I', 'B'),
        node('3', 'RA'),
        node('3', 'I', 'dup'),
        { type: 'I' },
      ],
      edges: [edge(1, '1', '3'), edge(2, '3', '2'), edge(3, '9', '2'), edge(4, '2', '2'), 7],
      locutions: null,
    });
    expect(result.ok ? [] : result.problems.map(describeProblem)).toEqual([
      'nodes[3].nodeID: "3" is used by another node (nodes[2])',
      'edges[2].fromID: "9" is not a node of this AIF file',
      'edges[3]: joins I 2 to itself',
      'edges[4]: must be an object with "fromID" and "toID"',
    ]);
  });

  it('refuses cycles through S-nodes: mutual undercuts, and a statement that supports itself', () => {
    const undercuts = importAif({
      AIF: {
        nodes: [node(1, 'I', 'A'), node(2, 'I', 'B'), node(3, 'CA'), node(4, 'CA')],
        edges: [edge(1, 1, 3), edge(2, 3, 4), edge(3, 2, 4), edge(4, 4, 3)],
        locutions: null,
        participants: null,
      },
      OVA: [],
      text: null,
    });
    expect(undercuts.ok ? [] : undercuts.problems.map(describeProblem)).toEqual([
      'AIF.edges[3]: closes a cycle of S-nodes: CA 3 → CA 4 → CA 3 (an inference or conflict cannot, through others, rest on itself)',
    ]);
    const circular = importAif({
      nodes: [node(1, 'I', 'A'), node(2, 'RA')],
      edges: [edge(1, 1, 2), edge(2, 2, 1)],
      locutions: [],
    });
    expect(circular.ok ? [] : circular.problems.map(describeProblem)).toEqual([
      'nodes[1]: RA 2 has statement 1 as both premise and conclusion: a cycle through an S-node (a statement cannot support or attack itself)',
    ]);
  });

  it('still skips what is only incomplete, with a note: a node without an id', () => {
    const result = importAif({
      nodes: [node('1', 'I', 'A'), node('2', 'I', 'B'), node('3', 'RA'), { type: 'I' }],
      edges: [edge(1, '1', '3'), edge(2, '3', '2')],
      locutions: null,
    });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(signature(result.map).relations).toEqual(['A -supports-> B']);
    expect(result.report.join('\n')).toMatch(/Skipped node #4: it has no nodeID/);
  });

  it('notes S-nodes with no premise or conclusion instead of failing', () => {
    const result = importAif({
      nodes: [node(1, 'I', 'A'), node(2, 'RA')],
      edges: [edge(1, 1, 2)],
      locutions: [],
    });
    expect(result.ok && result.report.some((l) => /RA node 2: it has no conclusion/.test(l))).toBe(
      true,
    );
  });

  it('never interprets the HTML text, and marks statements not found in it implicit', () => {
    const result = importAif({
      AIF: {
        nodes: [node('a', 'I', 'Cats purr.'), node('b', 'I', 'Dogs bark.')],
        edges: [],
        locutions: [],
      },
      text: '<script>document.write("Dogs bark.")</script><p>Cats &amp; mice. <span id="nodea">Cats purr.</span></p>',
      OVA: {},
    });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.map.sources[0]!.text).toBe('Cats & mice. Cats purr.\n');
    expect(result.map.nodes.find((n) => n.text === 'Dogs bark.')?.implicit).toBe(true);
    expect(result.map.nodes.find((n) => n.text === 'Cats purr.')?.refs).toEqual([
      { sentence: 's2' },
    ]);
  });

  it('finds AIFdb statements whose punctuation differs from the text', () => {
    const result = importAif(
      { nodes: [node('1', 'I', 'Jesus said  Whosoever will may come')], edges: [], locutions: [] },
      { text: 'Jesus said, "Whosoever will, may come" (John 7.37).' },
    );
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.map.nodes[0]!.refs[0]).toMatchObject({
      quote: 'Jesus said, "Whosoever will, may come',
    });
  });
});
