import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMapText, serializeMap } from '../../../src/io/mapFile';
import { describeProblem } from '../../../src/model/problem';
import { sampleMap } from './sampleMap';

/** A version-0 (pre-release draft) document, as the old editor wrote it. */
const VERSION_0 = JSON.parse(
  readFileSync(new URL('../../fixtures/formats/v0.argmap.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

describe('the load path (parse → migrate → validate)', () => {
  it('migrates a version-0 document to the current version', () => {
    const result = parseMapText(JSON.stringify(VERSION_0));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.migratedFrom).toBe(0);
    expect(result.map.version).toBe(2);
    expect(result.map.tours).toEqual([]);
    expect(result.map.nodes[1]).toEqual({
      id: 'n2',
      kind: 'evidence',
      text: 'It saves lives',
      refs: [{ sentence: 's2' }],
    });
    expect(result.map.edges).toEqual([
      { id: 'e1', from: 'n2', to: 'n1', relation: 'supports' },
      { id: 'e2', from: 'n3', to: 'n1', relation: 'attacks' },
    ]);
  });

  it('round-trips a current document through its file text', () => {
    const map = sampleMap();
    const result = parseMapText(serializeMap(map));
    expect(result).toEqual({ ok: true, map });
  });

  it.each([
    ['', 'The file is empty.'],
    ['   \n', 'The file is empty.'],
    [
      '\u0000\u0001PK',
      'This is a binary file (it has a zero character at offset 0), not a text file, so it cannot be an argument map, AIF, Argdown or plain text.',
    ],
    ['[1, 2]', 'This JSON is not an argument map: expected an object with "format": "argmap".'],
    ['{"nodes": []}', 'format: is missing (expected "argmap"): this JSON is not an argument map'],
    ['{"format": "aif"}', 'format: is "aif", not "argmap": this file is not an argument map'],
  ])('refuses %j with a clear message', (text, message) => {
    const result = parseMapText(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map(describeProblem)).toEqual([message]);
  });

  it('refuses JSON it cannot parse, saying so', () => {
    const result = parseMapText('{"format": "argmap", "version": 1,');
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(describeProblem(result.problems[0]!)).toMatch(
        /^line 1, column 35: not valid JSON: the text ends before the JSON is complete/,
      );
  });

  it('refuses a file from a newer version of the editor', () => {
    const result = parseMapText(JSON.stringify({ ...sampleMap(), version: 7 }));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems.map(describeProblem)).toEqual([
        'version: this file is version 7, made by a newer release of the editor; this one reads up to version 2. Update the editor to open it.',
      ]);
    }
  });
});

describe('migrating version 1 to version 2', () => {
  const VERSION_1 = readFileSync(
    new URL('../../fixtures/formats/v1.argmap.json', import.meta.url),
    'utf8',
  );

  it('turns the tour into the first named tour, "Walk-through", and keeps everything else', () => {
    const v1 = JSON.parse(VERSION_1) as Record<string, unknown>;
    const result = parseMapText(VERSION_1);
    expect(result.ok ? [] : result.problems.map(describeProblem)).toEqual([]);
    if (!result.ok) return;
    expect(result.migratedFrom).toBe(1);
    expect(result.map.version).toBe(2);
    expect(result.map.tours).toEqual([{ id: 't1', title: 'Walk-through', steps: v1.tour }]);
    expect('tour' in result.map).toBe(false);
    expect(result.map.nodes).toEqual(v1.nodes);
    expect(result.map.edges).toEqual(v1.edges);
    expect(result.map.sources).toEqual(v1.sources);
  });

  it('gives a version-1 map without a tour no tours', () => {
    const { tour: _tour, ...v1 } = JSON.parse(VERSION_1) as Record<string, unknown>;
    const result = parseMapText(JSON.stringify(v1));
    expect(result.ok && result.map.tours).toEqual([]);
  });

  it('refuses a version-1 tour that names a missing node, at its new path', () => {
    const v1 = JSON.parse(VERSION_1) as Record<string, unknown>;
    const result = parseMapText(JSON.stringify({ ...v1, tour: ['n1', 'n99'] }));
    expect(result.ok ? [] : result.problems.map(describeProblem)).toEqual([
      'tours[0].steps[1]: "n99" is not a node of this map',
    ]);
  });
});
