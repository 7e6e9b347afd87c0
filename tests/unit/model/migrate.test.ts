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
    expect(result.map.version).toBe(1);
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
        'version: this file is version 7, made by a newer release of the editor; this one reads up to version 1. Update the editor to open it.',
      ]);
    }
  });
});
