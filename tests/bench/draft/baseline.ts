/**
 * The trivial baseline of the field: every unit attaches to the preceding one by support, the
 * first unit is the central claim. Given segments, its units are exactly those (located in order,
 * as the drafter's contract says); without, its units are the text's sentences (cut after . ! ?
 * and 。！？, closing quotes and brackets included), so segmentation and the article measure
 * have a baseline too.
 */
import type { DraftInput, DraftLink, DraftUnit, MapDraft } from '../../../src/draft/types';

/** Locates `segments` in order in `text`; throws if one is not found. */
export function locateSegments(text: string, segments: readonly string[]): [number, number][] {
  const spans: [number, number][] = [];
  let cursor = 0;
  for (const s of segments) {
    const at = text.indexOf(s, cursor);
    if (at < 0 || s.length === 0)
      throw new Error(`segment not found in order: "${s.slice(0, 40)}"`);
    spans.push([at, at + s.length]);
    cursor = at + s.length;
  }
  return spans;
}

/** Sentence spans (whitespace trimmed) of `text`, or of the given ranges of it. */
export function sentenceSpans(text: string, ranges?: DraftInput['ranges']): [number, number][] {
  const spans: [number, number][] = [];
  for (const [from, to] of ranges ?? [[0, text.length]]) {
    const re =
      /[^\s][\s\S]*?(?:[.!?。！？]+["'”’)）」』]*(?=\s|$)|[。！？]+["'”’)）」』]*|(?=\n\s*\n)|$)/g;
    const part = text.slice(from, to);
    for (const m of part.matchAll(re)) {
      const raw = m[0];
      const trimmed = raw.replace(/\s+$/, '');
      if (trimmed) spans.push([from + m.index, from + m.index + trimmed.length]);
    }
  }
  return spans;
}

export function baselineDraft(input: DraftInput): MapDraft {
  const spans = input.segments
    ? locateSegments(input.text, input.segments)
    : sentenceSpans(input.text, input.ranges);
  if (spans.length === 0) throw new Error(`baseline: no unit in ${input.sourceId}`);
  const units: DraftUnit[] = spans.map(([start, end], i) => ({
    id: `u${i + 1}`,
    start,
    end,
    text: input.text.slice(start, end),
    kind: i === 0 ? 'conclusion' : 'claim',
    cues: [
      {
        family: i === 0 ? 'position' : 'default',
        marker: i === 0 ? 'first unit' : 'attached to the preceding unit',
      },
    ],
  }));
  const links: DraftLink[] = units.slice(1).map((u, i) => ({
    id: `l${i + 1}`,
    from: u.id,
    to: units[i]!.id,
    relation: 'supports',
    cue: { family: 'default', marker: 'attached to the preceding unit' },
  }));
  return {
    sourceId: input.sourceId,
    language: input.language ?? 'en',
    units,
    junctions: [],
    links,
    central: 'u1',
    by: 'rules',
  };
}
