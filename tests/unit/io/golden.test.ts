/**
 * Golden outputs: the small fixture map in every text format, compared byte for byte with the
 * committed files in tests/fixtures/io/golden/. After an intended change, regenerate them with
 * `UPDATE_GOLDEN=1 npx vitest run --project unit tests/unit/io/golden.test.ts` and review the diff.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportSvg } from '../../../src/io/exportSvg';
import { exportMarkdown } from '../../../src/io/exportMarkdown';
import { exportArgdown } from '../../../src/io/exportArgdown';
import { exportAif } from '../../../src/io/exportAif';
import { serializeMap } from '../../../src/io/mapFile';
import { ioFixtures, loadMap } from './loadFixture';

const map = loadMap();
const outputs: Record<string, string> = {
  'small.svg': exportSvg(map),
  'small.en.svg': exportSvg(map, { language: 'en' }),
  'small.md': exportMarkdown(map),
  'small.en.md': exportMarkdown(map, { language: 'en' }),
  'small.argdown': exportArgdown(map),
  'small.aif.json': `${JSON.stringify(exportAif(map), null, 2)}\n`,
  'small.argmap.json': serializeMap(map),
};

describe('golden exports of tests/fixtures/io/small.argmap.json', () => {
  for (const [file, actual] of Object.entries(outputs)) {
    it(file, () => {
      // `.golden` keeps Prettier (which formats .md and .json) away from the expected bytes.
      const path = resolve(ioFixtures, 'golden', `${file}.golden`);
      if (process.env.UPDATE_GOLDEN) writeFileSync(path, actual);
      expect(existsSync(path), `${path} is missing; run with UPDATE_GOLDEN=1`).toBe(true);
      expect(actual).toBe(readFileSync(path, 'utf8'));
    });
  }

  it('exports are deterministic', () => {
    expect(exportSvg(map)).toBe(outputs['small.svg']);
    expect(JSON.stringify(exportAif(map))).toBe(
      JSON.stringify(JSON.parse(outputs['small.aif.json']!)),
    );
  });
});
