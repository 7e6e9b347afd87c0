/**
 * Files of every past format version load: tests/fixtures/formats/ holds one file per version
 * before the current one (`v<n>.argmap.json`), and each migrates to a valid current map. A new
 * format version must add its predecessor's file here, or this test fails.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMapText } from '../../../src/io/mapFile';
import { CURRENT_VERSION } from '../../../src/model/schema';

const past = Array.from({ length: CURRENT_VERSION }, (_, version) => version);

describe('files of past format versions', () => {
  it.each(past)('version %i loads and migrates to the current version', (version) => {
    const text = readFileSync(
      new URL(`../../fixtures/formats/v${version}.argmap.json`, import.meta.url),
      'utf8',
    );
    expect((JSON.parse(text) as { version: number }).version).toBe(version);
    const result = parseMapText(text);
    expect(result.ok && result.map.version).toBe(CURRENT_VERSION);
    if (result.ok) {
      expect(result.migratedFrom).toBe(version);
      expect(result.map.nodes.length).toBeGreaterThan(0);
      expect(result.map.edges.length).toBeGreaterThan(0);
    }
  });
});
