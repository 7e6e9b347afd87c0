/**
 * The whitespace rules the web-page, Word and Markdown readers share, and the text they build
 * with its headings and notes section.
 */
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import {
  LINE_BREAK,
  ParagraphText,
  notesHeading,
  splitParagraphs,
  tidyParagraph,
  walkDom,
} from '../../../../src/io/formats/paragraphs';

describe('tidying a paragraph of markup', () => {
  it('joins broken lines with a space in Latin text, without one between Chinese characters', () => {
    expect(tidyParagraph('  one\n   two\tthree  ')).toBe('one two three');
    expect(tidyParagraph('日本出现了\n    寻求')).toBe('日本出现了寻求');
    expect(tidyParagraph('言论。\nThe')).toBe('言论。The');
  });

  it('keeps typed spaces, spaces before curly quotes and between Korean words', () => {
    expect(tidyParagraph('在 2022 年')).toBe('在 2022 年');
    expect(tidyParagraph('he said:\n“Close it”')).toBe('he said: “Close it”');
    expect(tidyParagraph('한국어\n문장')).toBe('한국어 문장');
  });

  it('drops soft hyphens and turns no-break spaces into spaces', () => {
    expect(tidyParagraph('pedes\u00ADtrian\u00A0zone')).toBe('pedestrian zone');
  });

  it('parts paragraphs at two line breaks in a row, joins at one', () => {
    expect(splitParagraphs(`a${LINE_BREAK}b${LINE_BREAK} \n${LINE_BREAK}c`)).toEqual(['a b', 'c']);
  });
});

describe('building the text', () => {
  it('places headings, ranks their levels from 1 and appends the notes section', () => {
    const text = new ParagraphText();
    text.heading('Part', 2);
    text.paragraph('Body.[1]');
    text.heading('Detail', 4);
    text.paragraph('');
    text.paragraph('More.');
    const built = text.build(['A note.']);
    expect(built.text).toBe('Part\n\nBody.[1]\n\nDetail\n\nMore.\n\nNotes\n\n[1] A note.');
    expect(built.headings.map((h) => [h.level, built.text.slice(h.start, h.end)])).toEqual([
      [1, 'Part'],
      [2, 'Detail'],
      [1, 'Notes'],
    ]);
  });

  it('names the notes section in the text’s language', () => {
    expect(notesHeading('美日核关系起源于第二次世界大战末期 (1945)')).toBe('注释');
    expect(notesHeading('The argument against closing streets (“步行街”)')).toBe('Notes');
  });

  it('walks a DOM: blocks part paragraphs, inline markup leaves its text, code keeps its lines', () => {
    const { document } = parseHTML(
      '<html><body><div>Intro <em>text</em><p>Para <a href="#">link</a>.</p>tail</div><pre>a = 1\n\nb = 2</pre><ul><li>one</li><li>two</li></ul><span>x</span>\n<span>y</span><noscript>no</noscript></body></html>',
    );
    const text = new ParagraphText();
    walkDom(document.body as unknown as Node, text);
    expect(text.build().text.split('\n\n')).toEqual([
      'Intro text',
      'Para link.',
      'tail',
      'a = 1',
      'b = 2',
      'one',
      'two',
      'x y',
    ]);
  });
});
