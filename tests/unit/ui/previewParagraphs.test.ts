/** The new-map preview's cut of a document: paragraphs, headings, and "p. N" where pages begin. */
import { describe, expect, it } from 'vitest';
import { previewParagraphs } from '../../../src/ui/previewParagraphs';

describe('previewParagraphs', () => {
  const text =
    'Title\n\nFirst para ends here. Second page starts mid-paragraph.\n\nThird page para.';
  const mid = text.indexOf('Second');
  const third = text.indexOf('Third');

  it('marks each page where it begins: at a paragraph, inside one, or between two', () => {
    const paragraphs = previewParagraphs(
      {
        text,
        pages: [
          { label: '98', start: 0 },
          { label: '99', start: mid },
          { label: '100', start: third - 2 }, // in the blank line before the paragraph
        ],
      },
      [{ start: 0, end: 5, level: 1, title: 'Title' }],
    );
    expect(paragraphs).toEqual([
      [{ start: 0, text: 'Title', page: '98', heading: 1 }],
      [
        { start: 7, text: 'First para ends here. ' },
        { start: mid, text: 'Second page starts mid-paragraph.', page: '99' },
      ],
      [{ start: third, text: 'Third page para.', page: '100' }],
    ]);
    // Nothing lost or doubled: the pieces are the text.
    expect(paragraphs.map((p) => p.map((x) => x.text).join('')).join('\n\n')).toBe(text);
  });

  it('shows a text without pages or headings as its paragraphs', () => {
    expect(previewParagraphs({ text: 'a\n\nb' }, [])).toEqual([
      [{ start: 0, text: 'a' }],
      [{ start: 3, text: 'b' }],
    ]);
  });
});
