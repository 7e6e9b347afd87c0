/**
 * Random and mutated input never makes an importer throw: it returns its own result with
 * problems instead.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../src/io/importFile';
import { parseMapText, serializeMap } from '../../../src/io/mapFile';
import { firstJsonError } from '../../../src/io/parseJsonText';
import { exportAif } from '../../../src/io/exportAif';
import { exportArgdown } from '../../../src/io/exportArgdown';
import { sampleMap } from '../model/sampleMap';

/** A valid file text with one random character range replaced. */
function mutated(text: string) {
  return fc
    .record({ at: fc.nat(), length: fc.nat({ max: 40 }), insert: fc.string({ maxLength: 20 }) })
    .map(({ at, length, insert }) => {
      const i = at % (text.length + 1);
      return text.slice(0, i) + insert + text.slice(i + length);
    });
}

const expectResult = (result: { ok: boolean }) => expect(typeof result.ok).toBe('boolean');

describe('importers on random and mutated input', () => {
  const native = serializeMap(sampleMap());
  const aif = JSON.stringify(exportAif(sampleMap()));
  const argdown = exportArgdown(sampleMap());

  it('never throw on arbitrary text, whatever the file name', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 300 }),
        fc.constantFrom('a.argmap.json', 'a.json', 'a.argdown', 'a.txt'),
        (text, name) => {
          expectResult(importFile(name, text));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throw on arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.json(), (json) => {
        expectResult(importFile('a.json', json));
        expectResult(parseMapText(json));
      }),
      { numRuns: 300 },
    );
  });

  it('never throw on mutated native, AIF and Argdown files', () => {
    for (const [name, text] of [
      ['m.argmap.json', native],
      ['m.json', aif],
      ['m.argdown', argdown],
    ] as const) {
      fc.assert(
        fc.property(mutated(text), (input) => {
          expectResult(importFile(name, input));
        }),
        { numRuns: 150 },
      );
    }
  });
});

describe('locating JSON syntax errors', () => {
  it('finds an error exactly when JSON.parse fails, on random, cut and mutated JSON', () => {
    const parses = (text: string) => {
      try {
        JSON.parse(text);
        return true;
      } catch {
        return false;
      }
    };
    const texts = fc.oneof(
      fc.json(),
      fc.string({ maxLength: 40 }),
      fc.tuple(fc.json(), fc.nat()).map(([j, n]) => j.slice(0, n % (j.length + 1))),
      fc
        .tuple(fc.json(), fc.nat(), fc.string({ maxLength: 3 }))
        .map(([j, n, s]) => j.slice(0, n % (j.length + 1)) + s + j.slice((n % (j.length + 1)) + 1)),
    );
    fc.assert(
      fc.property(texts, (text) => {
        const error = firstJsonError(text);
        expect(error === undefined).toBe(parses(text));
        if (error) expect(error.offset).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: 3000 },
    );
  });
});
