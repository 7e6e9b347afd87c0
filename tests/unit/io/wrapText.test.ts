import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textWidthEm, wrapText } from '../../../src/io/wrapText';

describe('wrapText', () => {
  it('breaks Latin text at spaces', () => {
    expect(wrapText('Nuclear sharing would weaken the credibility of the NPT.', 9)).toEqual([
      'Nuclear sharing',
      'would weaken the',
      'credibility of',
      'the NPT.',
    ]);
  });

  it('breaks Chinese between ideographs, never before closing punctuation', () => {
    const lines = wrapText(
      '核共享会削弱《不扩散核武器条约》的信誉。日本民众普遍反对核武器，这是事实。',
      6,
    );
    for (const line of lines) expect(line).not.toMatch(/^[，。、）》」』]/);
    for (const line of lines) expect(line).not.toMatch(/[《（「『]$/);
    expect(lines.join('')).toBe(
      '核共享会削弱《不扩散核武器条约》的信誉。日本民众普遍反对核武器，这是事实。',
    );
    expect(Math.max(...lines.map(textWidthEm))).toBeLessThanOrEqual(7);
  });

  it('estimates CJK at 1em and Latin at 0.55em', () => {
    expect(textWidthEm('核共享')).toBe(3);
    expect(textWidthEm('abcd')).toBeCloseTo(2.2);
  });

  it('cuts a word longer than a line', () => {
    expect(wrapText('a'.repeat(30), 5.5)).toEqual(['aaaaaaaaaa', 'aaaaaaaaaa', 'aaaaaaaaaa']);
  });

  it('keeps every character but whitespace, in order, and stays within the width', () => {
    const text = fc.array(
      fc.constantFrom('核', '共', '享', '，', '。', '《', '》', 'word', ' ', 'a', '.', '(', ')'),
      {
        maxLength: 60,
      },
    );
    fc.assert(
      fc.property(text, fc.integer({ min: 3, max: 20 }), (parts, width) => {
        const input = parts.join('');
        const lines = wrapText(input, width);
        expect(lines.join('').replace(/\s/g, '')).toBe(input.replace(/\s/g, ''));
        for (const line of lines) {
          // A line may overflow only by the glued punctuation around one unbreakable piece.
          if (textWidthEm(line) > width)
            expect(line.replace(/\s/g, '').length).toBeLessThanOrEqual(width * 2 + 4);
        }
      }),
    );
  });
});
