/**
 * Finding AIF statements in the analysed text in one pass gives what a search per statement gave:
 * the first exact occurrence, else the first ignoring case, punctuation and spacing.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findStatements, firstOccurrences } from '../../../src/io/refsForRange';

/** The search per statement that the one-pass search replaced (quadratic, kept as the reference). */
function searchEach(text: string, needle: string) {
  const letters: number[] = [];
  let folded = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (/[\p{L}\p{N}]/u.test(ch)) {
      folded += ch.toLowerCase();
      letters.push(i);
    }
  }
  const exact = text.indexOf(needle);
  if (exact >= 0) return { start: exact, end: exact + needle.length };
  const key = needle.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  const at = key ? folded.indexOf(key) : -1;
  if (at < 0) return undefined;
  return { start: letters[at]!, end: letters[at + key.length - 1]! + 1 };
}

// Few characters, so that statements overlap, repeat and nest inside each other.
const small = fc.string({
  unit: fc.constantFrom('a', 'b', 'A', ' ', ',', 'é', '学', '🙂'),
  maxLength: 60,
});

describe('finding statements in a text in one pass', () => {
  it('finds the first occurrence of each, as indexOf does', () => {
    fc.assert(
      fc.property(small, fc.array(small, { maxLength: 30 }), (text, needles) => {
        expect(firstOccurrences(text, needles)).toEqual(needles.map((n) => text.indexOf(n)));
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same ranges as a search per statement, exact and loose', () => {
    fc.assert(
      fc.property(small, fc.array(small, { maxLength: 30 }), (text, needles) => {
        expect(findStatements(text, needles)).toEqual(needles.map((n) => searchEach(text, n)));
      }),
      { numRuns: 500 },
    );
  });

  it('handles statements that are suffixes of one another, repeated many times', () => {
    const needles = Array.from({ length: 300 }, (_, i) => 'a'.repeat(i + 1));
    const text = 'b'.repeat(1000) + 'a'.repeat(400);
    expect(firstOccurrences(text, needles)).toEqual(needles.map((n) => text.indexOf(n)));
    expect(firstOccurrences('abcabd', ['abd', 'bd', 'd', 'cab', 'x', ''])).toEqual([
      3, 4, 5, 2, -1, 0,
    ]);
  });
});
