/**
 * Issue #7, item 1: every kind of bad input, through the shared import path the browser and the
 * command line use (read the file's bytes → decode → tell the format → import), is refused with
 * the exact problems naming what is wrong and where; nothing throws.
 */
import { describe, expect, it } from 'vitest';
import { readTextFile } from '../../../src/io/decodeText';
import { importFile } from '../../../src/io/importFile';
import { importAif } from '../../../src/io/importAif';
import { loadMapDocument } from '../../../src/io/mapFile';
import { INPUT_LIMITS } from '../../../src/io/inputLimits';
import { describeProblem } from '../../../src/model/problem';
import { BAD_INPUTS } from '../../fixtures/bad/badInputs';
import { sampleMap } from '../model/sampleMap';

/** What importing a file reports: its problems as lines, or that it was imported. */
async function importBytes(name: string, bytes: Uint8Array<ArrayBuffer>): Promise<string[]> {
  const read = await readTextFile(new File([bytes], name));
  if (!read.ok) return read.problems.map(describeProblem);
  const result = importFile(name, read.text);
  return result.ok ? [`imported as ${result.format}`] : result.problems.map(describeProblem);
}

describe('bad input through the shared import path', () => {
  it.each(BAD_INPUTS.map((c) => [c.title, c] as const))('refuses %s', async (_title, input) => {
    expect(await importBytes(input.name, input.bytes())).toEqual(input.problems);
  });
});

describe('limits that protect the page', () => {
  it('checks a file’s size before reading it', async () => {
    const reads: string[] = [];
    const huge = {
      size: INPUT_LIMITS.bytes + 1,
      arrayBuffer: () => (reads.push('arrayBuffer'), Promise.resolve(new ArrayBuffer(0))),
      text: () => (reads.push('text'), Promise.resolve('')),
      stream: () => (reads.push('stream'), new Blob().stream()),
      slice: () => (reads.push('slice'), new Blob()),
    } as unknown as Blob;
    const result = await readTextFile(huge);
    expect(reads).toEqual([]);
    expect(result.ok ? [] : result.problems.map(describeProblem)).toEqual([
      'The file is too large: 50 MB (50,000,001 bytes); files up to 50 MB can be imported. It was not read.',
    ]);
    // One byte less is read.
    const fits = await readTextFile(new Blob(['{}']));
    expect(fits).toEqual({ ok: true, text: '{}' });
  });

  it('never recurses into a deep value, even one that did not come from JSON text', () => {
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const map = () => structuredClone(sampleMap()) as unknown as Record<string, unknown>;
    const places: [string, (m: Record<string, unknown>) => void, string][] = [
      [
        'format',
        (m) => (m.format = deep),
        'format: is a list, not "argmap": this file is not an argument map',
      ],
      [
        'version',
        (m) => (m.version = deep),
        'version: is a list: must be a whole number (this editor reads versions 0 to 2)',
      ],
      [
        'nodes',
        (m) => (m.nodes = [deep]),
        'nodes[0]: invalid input: expected object, received array',
      ],
    ];
    for (const [, change, problem] of places) {
      const doc = map();
      change(doc);
      const result = loadMapDocument(doc);
      expect(result.ok ? [] : result.problems.map(describeProblem)).toEqual([problem]);
    }
    const aif = importAif({
      nodes: [{ nodeID: '1', type: 'I', text: 'Cats purr.', extra: deep }],
      edges: [],
    });
    expect(aif.ok).toBe(true);
  });
});
