import { describe, expect, it } from 'vitest';
import { segmentsOf } from '../../../src/source/segment';

const PARTS = [
  'Mr. Smith went to Washington.',
  'No. 5 is (not) “a quote.” here.',
  '他说：“我们走。”然后离开。',
  'See p. 12 (fig. 3).',
  'Why? Because!',
  '《书名。》很长',
  'U.S. policy changed.',
];

/** ICU's segments of the whole text at once, as the segmenter gives them. */
const direct = (text: string, language: string) =>
  [...new Intl.Segmenter(language, { granularity: 'sentence' }).segment(text)].map((s) => ({
    segment: s.segment,
    index: s.index,
  }));

// The reference is V8's segmenter on the whole text at once, which takes time in the square of
// its length: seconds on a busy machine. (Correctness only; speed is the benchmark's.)
describe('sentence segmentation a window at a time', { timeout: 60_000 }, () => {
  it.each(['en', 'zh-Hans'])(
    'finds exactly the segments of the whole text at once (%s), across many windows',
    (language) => {
      let text = '';
      for (let i = 0; i < 3000; i++) text += `${PARTS[(i * 5) % PARTS.length]} `;
      // A sentence longer than a window, in the middle.
      text += `${'word '.repeat(3000)}end. And after it.`;
      expect([...segmentsOf(text, 0, text.length, language)]).toEqual(direct(text, language));
    },
  );

  it('gives offsets into the text for a stretch that does not start at 0', () => {
    const text = `Before.\n\n${'A short one. '.repeat(1000)}`;
    const from = text.indexOf('A short');
    const got = [...segmentsOf(text, from, text.length, 'en')];
    expect(got[0]).toEqual({ segment: 'A short one. ', index: from });
    expect(got).toHaveLength(1000);
  });
});
