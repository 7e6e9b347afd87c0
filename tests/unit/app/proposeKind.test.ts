import { describe, expect, it } from 'vitest';
import { importText } from '../../../src/io/importText';
import { afterContrast, proposeKind } from '../../../src/app/proposeKind';
import type { ArgMap } from '../../../src/model/schema';
import { SCHOOL_START_TEXT, schoolStartMap } from '../../fixtures/maps/schoolStart';

function emptyMap(text: string): ArgMap {
  const imported = importText(text, { title: 't', language: 'en', now: '2026-11-28T00:00:00Z' });
  if (!imported.ok) throw new Error('no import');
  return imported.map;
}

/** The span of sentence `i` of the map's first source. */
const whole = (map: ArgMap, i: number) => {
  const source = map.sources[0]!;
  const s = source.sentences[i]!;
  return { sourceId: source.id, start: s.start, end: s.end };
};

describe('the kind proposed for a node made from the text', () => {
  it('makes the first node of a map without a conclusion its conclusion, then never again', () => {
    const map = emptyMap(SCHOOL_START_TEXT);
    expect(proposeKind(map, undefined, whole(map, 0))).toBe('conclusion');
    const withConclusion = schoolStartMap();
    expect(proposeKind(withConclusion, undefined, whole(withConclusion, 1))).toBe('claim');
    // With the conclusion selected: a reason for it.
    expect(proposeKind(withConclusion, 'n1', whole(withConclusion, 1))).toBe('claim');
  });

  it('proposes an objection after "however", and a rebuttal under a selected objection', () => {
    const map = schoolStartMap();
    expect(afterContrast(map, map.sources[0]!.id, whole(map, 3).start, whole(map, 3).end)).toBe(
      true,
    );
    expect(proposeKind(map, 'n1', whole(map, 3))).toBe('objection');
    expect(proposeKind(map, undefined, whole(map, 3))).toBe('objection');
    expect(proposeKind(map, 'n4', whole(map, 4))).toBe('rebuttal');
    // Without a contrast word, a sentence is a reason, not an objection.
    expect(afterContrast(map, map.sources[0]!.id, whole(map, 1).start, whole(map, 1).end)).toBe(
      false,
    );
  });

  it('reads the contrast before the span within its sentence, in Chinese too', () => {
    const map = emptyMap('城市应该多种树。树木很贵，但是它们能降低气温。');
    const source = map.sources[0]!;
    const s = source.sentences[1]!;
    const after = source.text.indexOf('它们');
    expect(afterContrast(map, source.id, after, s.end)).toBe(true);
    expect(afterContrast(map, source.id, s.start, s.start + 4)).toBe(false);
    expect(proposeKind(map, undefined, { sourceId: source.id, start: after, end: s.end })).toBe(
      'objection',
    );
  });
});
