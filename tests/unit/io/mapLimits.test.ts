/**
 * One set of map limits, applied by every importer and every edit; backups restored map by map.
 */
import { describe, expect, it } from 'vitest';
import { MAP_LIMITS, editLimitMessage, mapLimitProblems } from '../../../src/model/limits';
import { english, type Message } from '../../../src/model/messages';
import type { ArgMap, Draft } from '../../../src/model/schema';
import { importFile } from '../../../src/io/importFile';
import { restoreBackup, serializeBackup } from '../../../src/io/backup';
import { serializeMap } from '../../../src/io/mapFile';
import { exportAif } from '../../../src/io/exportAif';
import { validateMap } from '../../../src/model/validate';
import { moveNodes, updateNode } from '../../../src/model/operations';
import { largestMapFile } from '../../browser/largestFile';
import { useMapStore } from '../../../src/store/mapStore';
import { sampleMap } from '../model/sampleMap';

const tooLong = 'x'.repeat(MAP_LIMITS.stringChars + 1);

/**
 * The biggest map the limits allow: as many sources, sentences, nodes and edges as allowed, and
 * as much text as a map may hold.
 */
function biggestMap(): ArgMap {
  const perSource = MAP_LIMITS.sentences / MAP_LIMITS.sources;
  const sentence = (i: number) => `Sentence ${String(i).padStart(8, '0')}.`;
  const sentenceLength = sentence(0).length;
  const sources = Array.from({ length: MAP_LIMITS.sources }, (_, si) => {
    const parts: string[] = [];
    for (let i = 0; i < perSource; i++) parts.push(sentence(i));
    return {
      id: `src${si}`,
      language: 'en',
      text: parts.join(' '),
      sentences: Array.from({ length: perSource }, (_, i) => ({
        id: `s${si}-${i}`,
        start: i * (sentenceLength + 1),
        end: i * (sentenceLength + 1) + sentenceLength,
      })),
    };
  });
  const map: Draft<ArgMap> = {
    format: 'argmap',
    version: 2,
    id: 'biggest',
    title: 'The biggest map',
    sources,
    nodes: [],
    edges: [],
    tours: [],
  };
  // Fill what is left of the text budget with the nodes' notes (a little margin for the ids).
  const used = mapLimitProblems(map).length === 0 ? JSON.stringify(map).length : 0;
  const noteLength = Math.floor((MAP_LIMITS.mapChars - used) / MAP_LIMITS.nodes) - 60;
  for (let i = 0; i < MAP_LIMITS.nodes; i++) {
    map.nodes.push({
      id: `n${i}`,
      kind: i === 0 ? 'conclusion' : 'claim',
      text: `Node ${i} 核心论点 🙂`,
      note: 'n'.repeat(noteLength),
      refs: [{ sentence: `s${i % MAP_LIMITS.sources}-${Math.floor(i / MAP_LIMITS.sources)}` }],
    });
  }
  for (let i = 0; i < MAP_LIMITS.edges; i++) {
    const from = 1 + (i % (MAP_LIMITS.nodes - 1));
    const to = (from + 1 + Math.floor(i / (MAP_LIMITS.nodes - 1))) % MAP_LIMITS.nodes;
    map.edges.push({ id: `e${i}`, from: `n${from}`, to: `n${to}`, relation: 'supports' });
  }
  return map;
}

describe('the map limits', () => {
  it('the biggest map they allow is valid and within them; one more node is not', () => {
    const map = biggestMap();
    expect(validateMap(map).ok).toBe(true);
    expect(mapLimitProblems(map)).toEqual([]);
    const over = { ...map, nodes: [...map.nodes, { ...map.nodes[1]!, id: 'extra' }] };
    expect(mapLimitProblems(over).map((p) => p.path)).toContain('nodes');
  }, 60_000);

  it('backs the biggest map up and restores it, with the healthy maps, listing a refused one', () => {
    const biggest = biggestMap();
    const healthy = sampleMap();
    // A map stored before the limits applied to edits: a note over the limit.
    const oversized: ArgMap = {
      ...sampleMap(),
      id: 'big-note',
      title: 'Pasted too much',
      nodes: sampleMap().nodes.map((n, i) => (i === 1 ? { ...n, note: tooLong } : n)),
    };
    const text = serializeBackup([healthy, biggest, oversized]);
    const restored = restoreBackup(text);
    if (!restored.ok) throw new Error(JSON.stringify(restored.problems));
    expect(restored.contents.maps.map((m) => m.id)).toEqual(['trees', 'biggest']);
    expect(restored.contents.maps[1]).toEqual(biggest);
    expect(restored.contents.refused).toEqual([
      {
        index: 2,
        title: 'Pasted too much',
        problems: [
          expect.objectContaining({
            path: 'nodes[1].note',
            message: expect.stringMatching(/100,001 characters long; the limit .* is 100,000/),
          }),
        ],
      },
    ]);
  }, 60_000);

  it('a backup of one biggest map restores, however its text is escaped', () => {
    const map = biggestMap();
    // Control characters take six characters each in JSON.
    const escaped: ArgMap = {
      ...map,
      nodes: map.nodes.map((n) => ({ ...n, note: '\u0001'.repeat(n.note!.length) })),
    };
    expect(mapLimitProblems(escaped)).toEqual([]);
    const restored = restoreBackup(serializeBackup([escaped]));
    expect(restored.ok && restored.contents.maps.length).toBe(1);
  }, 60_000);
});

describe('every importer applies them', () => {
  it('Argdown: a statement over the string limit is refused at its path', () => {
    const result = importFile('long.argdown', `[s]: ${'word '.repeat(25_000)}\n`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.path).toBe('nodes[0].text');
  });

  it('AIF: a node text over the string limit is refused', () => {
    const aif = exportAif(sampleMap());
    aif.AIF.nodes.find((n) => n.type === 'I')!.text = 'y'.repeat(MAP_LIMITS.stringChars + 1);
    expect(importFile('a.json', JSON.stringify(aif)).ok).toBe(false);
  });

  it('native JSON: too many nodes are refused', () => {
    const map = sampleMap();
    const many = {
      ...map,
      nodes: Array.from({ length: MAP_LIMITS.nodes + 1 }, (_, i) => ({
        ...map.nodes[0]!,
        id: `n${i}`,
      })),
      edges: [],
      tours: [],
    };
    const result = importFile('many.argmap.json', serializeMap(many));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.path)).toContain('nodes');
  });
});

describe('every edit applies them', () => {
  it('measures only what an edit changes, so typing on the biggest map stays fast', () => {
    useMapStore.getState().open(biggestMap());
    useMapStore.getState().edit((m) => updateNode(m, 'n1', { text: 'first' })); // measures it all
    const started = performance.now();
    for (let i = 0; i < 100; i++)
      expect(useMapStore.getState().edit((m) => updateNode(m, 'n1', { text: `key ${i}` }))).toBe(
        true,
      );
    // Measuring the whole map each time took 15.7 s for these 100 edits; a busy machine is slower.
    expect(performance.now() - started).toBeLessThan(5000);
  }, 60_000);

  it('a note pasted past the limit is refused with a message; the map is unchanged', () => {
    const map = sampleMap();
    useMapStore.getState().open(map);
    expect(useMapStore.getState().edit((m) => updateNode(m, 'n1', { note: tooLong }))).toBe(false);
    expect(useMapStore.getState().map).toBe(map);
    expect(english(useMapStore.getState().error as Message)).toMatch(
      /^This edit was not made: nodes\[0\]\.note .*100,001 characters/,
    );
    expect(useMapStore.getState().edit((m) => updateNode(m, 'n1', { note: 'short' }))).toBe(true);
  });

  it('a map within the limits can always be laid out: positions of its nodes are budgeted', () => {
    // The largest file the browser tests import: its nodes have no positions, so opening it lays
    // it out, which gives every node a position ("position", "x", "y": 10 characters of field
    // names). Within the limits, that must never be refused.
    const { map } = largestMapFile();
    expect(map.nodes.some((n) => n.position)).toBe(false);
    expect(mapLimitProblems(map)).toEqual([]);
    const laidOut = moveNodes(
      map,
      Object.fromEntries(map.nodes.map((n, i) => [n.id, { x: i * 300, y: 0 }])),
    );
    expect(editLimitMessage(map, laidOut)).toBeUndefined();
    expect(mapLimitProblems(laidOut)).toEqual([]);
    // And through the store, as the layout on open edits it.
    useMapStore.getState().open(map);
    expect(useMapStore.getState().edit(() => laidOut)).toBe(true);
    expect(useMapStore.getState().error).toBeNull();
    // Removing a laid-out node and adding it back measures the same.
    const without = { ...laidOut, nodes: laidOut.nodes.slice(1) };
    expect(editLimitMessage(laidOut, without)).toBeUndefined();
    expect(editLimitMessage(without, laidOut)).toBeUndefined();
  }, 60_000);
});
