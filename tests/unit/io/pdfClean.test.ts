/**
 * The PDF cleaning on text items made by hand (the reader's tests, pdf.test.ts, run it on real
 * files): running lines and page labels, footnotes, paragraphs, hyphens, CJK joins, headings.
 */
import { describe, expect, it } from 'vitest';
import { cleanPdfPages, mendRadicals, type PdfPage } from '../../../src/io/formats/pdfClean';
import { isCjk } from '../../../src/source/clean';

/** A line of text as items: one item per word (as many PDFs have), at `x`, baseline `y`. */
interface L {
  text: string;
  y: number;
  x?: number;
  size?: number;
  /** Justified to the column's right edge at x = 540 (the words spread out). */
  full?: boolean;
}

const charWidth = (ch: string, size: number) => (isCjk(ch) ? size : size * 0.5);

function page(lines: L[]): PdfPage {
  const items = lines.flatMap(({ text, y, x = 72, size = 10, full = false }) => {
    const words = text.split(' ');
    const widths = words.map((w) => [...w].reduce((sum, ch) => sum + charWidth(ch, size), 0));
    const natural = widths.reduce((a, b) => a + b, 0) + (words.length - 1) * size * 0.3;
    const space =
      size * 0.3 + (full && words.length > 1 ? (540 - x - natural) / (words.length - 1) : 0);
    let at = x;
    return words.map((str, i) => {
      const item = { str, x: at, y, width: widths[i]!, size };
      at += widths[i]! + space;
      return item;
    });
  });
  return { width: 612, height: 792, items };
}

/** Body lines from the top of the text block, 12 pt apart. */
const body = (texts: string[], from = 700, x = 72): L[] =>
  texts.map((text, i) => ({ text, y: from - i * 12, x }));

describe('running headers, footers and page labels', () => {
  const pages = [98, 99, 100].map((n, i) =>
    page([
      { text: `Journal of Tests ${n}`, y: 760, size: 8 },
      ...body([
        `Page ${i + 1} has text in the body of the article that runs the whole`,
        `line, and then some more words on the second line of the page so`,
        `that there is a body. It ends here.`,
      ]),
      { text: `·${n}·`, y: 40, x: 300, size: 8 },
    ]),
  );

  it('drops them, and labels each page by its printed number', () => {
    const cleaned = cleanPdfPages(pages);
    expect(cleaned.text).not.toMatch(/Journal|·\d+·/);
    expect(cleaned.pages.map((p) => p.label)).toEqual(['98', '99', '100']);
    cleaned.pages.forEach((p, i) =>
      expect(cleaned.text.slice(p.start)).toMatch(new RegExp(`^Page ${i + 1} has`)),
    );
    expect(cleaned.notes).toEqual([
      { key: 'pdfNoteRunning', args: ['3'] },
      { key: 'pdfNotePageNumbers', args: ['3'] },
    ]);
  });

  it('takes the number from a running header when there is no lone one', () => {
    const noFooter = pages.map((p) => ({ ...p, items: p.items.filter((i) => i.y > 50) }));
    expect(cleanPdfPages(noFooter).pages.map((p) => p.label)).toEqual(['98', '99', '100']);
  });

  it('keeps a header that is on one page only, and labels unnumbered pages by their index', () => {
    const one = [
      page([{ text: 'A title at the top', y: 760, size: 10 }, ...body(['Some text.'])]),
      page(body(['More text.'])),
    ];
    const cleaned = cleanPdfPages(one);
    expect(cleaned.text).toBe('A title at the top\n\nSome text.\n\nMore text.');
    expect(cleaned.pages).toEqual([
      { label: '1', start: 0 },
      { label: '2', start: cleaned.text.indexOf('More') },
    ]);
  });

  it('numbers a page without a number, or with a stray one, like its neighbours', () => {
    const numbered = ['98', undefined, '2022', '101'].map((n, i) =>
      page([
        ...body([`Page ${i + 1} of the body, a line.`, 'And another one.']),
        ...(n ? [{ text: n, y: 40, x: 300 }] : []),
      ]),
    );
    expect(cleanPdfPages(numbered).pages.map((p) => p.label)).toEqual(['98', '99', '100', '101']);
  });

  it('keeps a capital roman numeral at the top: a section number, not a page number', () => {
    const pages = [1, 2].map((n) =>
      page([
        ...(n === 1 ? [{ text: 'II', y: 740, x: 300 }] : []),
        ...body([`The second section, page ${n}, goes on`, 'to the end of the page.']),
        { text: String(n), y: 40, x: 300 },
      ]),
    );
    expect(cleanPdfPages(pages).text).toMatch(/^II\n\nThe second section, page 1/);
  });

  it('reads roman page numbers', () => {
    const roman = ['iv', 'v'].map((n) =>
      page([...body(['Preface text that goes on.']), { text: n, y: 40, x: 300 }]),
    );
    expect(cleanPdfPages(roman).pages.map((p) => p.label)).toEqual(['iv', 'v']);
  });
});

describe('footnotes', () => {
  it('moves small lines at a page foot to the notes, and the interrupted sentence joins up', () => {
    const pages = [
      page([
        ...body([
          '在日本的政治空间中，这个幽灵最近的一次显形是在2022年2月27日。在当日',
          '富士电视台一档早间谈话节目中，前首相安倍晋三就俄乌危机后的安全形势表',
          '示，日本应该打破核话语禁忌。日本部分政客以俄乌危机为驱动力，妄言修改',
          '非核三原则，调唆①',
        ]),
        { text: '① 本文系中国社会科学院创新工程项目的阶段性成果。', y: 80, size: 8 },
        { text: '② 参见某书，北京：某出版社，2014 年，第', y: 70, size: 8 },
        { text: '115 页。', y: 60, size: 8 },
      ]),
      page(body(['美国使用核武器等危险言行。'])),
    ];
    const cleaned = cleanPdfPages(pages);
    expect(cleaned.text).toBe(
      [
        '在日本的政治空间中，这个幽灵最近的一次显形是在2022年2月27日。在当日富士电视台一档早间谈话节目中，前首相安倍晋三就俄乌危机后的安全形势表示，日本应该打破核话语禁忌。日本部分政客以俄乌危机为驱动力，妄言修改非核三原则，调唆①美国使用核武器等危险言行。',
        '注释',
        '[1] 本文系中国社会科学院创新工程项目的阶段性成果。',
        '[2] 参见某书，北京：某出版社，2014年，第115页。',
      ].join('\n\n'),
    );
    expect(cleaned.notes).toContainEqual({ key: 'pdfNoteFootnotes', args: ['2'] });
    expect(cleaned.pages[1]!.start).toBe(cleaned.text.indexOf('美国'));
  });

  it('splits notes without markers after a short line that ends a note', () => {
    const pages = [
      page([
        ...body([
          'A body line of the usual size that goes on and on and on.',
          'Another body line of the usual size that goes on and on.',
          'And a third body line of the usual size, which ends here.',
        ]),
        { text: 'First note, on two lines of the small type of notes', y: 80, size: 8 },
        { text: 'at the foot.', y: 70, size: 8 },
        { text: 'Second note, also long enough to fill the whole line of', y: 60, size: 8 },
        { text: 'it, then short.', y: 50, size: 8 },
      ]),
    ];
    expect(cleanPdfPages(pages).text.split('\n\n').slice(1)).toEqual([
      'Notes',
      '[1] First note, on two lines of the small type of notes at the foot.',
      '[2] Second note, also long enough to fill the whole line of it, then short.',
    ]);
  });

  it('leaves a small last line that neither has a marker nor stands apart', () => {
    const pages = [
      page([
        ...body(['A body line of the usual size that goes on and on.']),
        { text: 'a small line right below', y: 688, size: 8 },
      ]),
    ];
    expect(cleanPdfPages(pages).text).toContain('a small line right below');
    expect(cleanPdfPages(pages).text).not.toContain('Notes');
  });
});

describe('paragraphs, hyphens and joins', () => {
  it('breaks paragraphs at a gap, an indent and a short last line; joins the rest', () => {
    const line = (text: string, y: number, more: Partial<L> = {}): L => ({ text, y, ...more });
    const cleaned = cleanPdfPages([
      page([
        line('The first paragraph runs over two lines of the page, and', 700, { full: true }),
        line('the second of them is as full as the first one was.', 688, { full: true }),
        line('After a gap, the second paragraph begins on a full line', 660, { full: true }),
        line('and ends short.', 648),
        line('The third paragraph follows a short line that ended a', 636, { full: true }),
        line('sentence, and it goes on to a full line without a stop', 624, { full: true }),
        line('An indented line opens the fourth paragraph of them', 612, { x: 90, full: true }),
        line('and it goes on: a short line ending a sentence.', 600),
        line('so this line, in lower case, does not start another one', 588, { full: true }),
      ]),
    ]);
    expect(cleaned.text.split('\n\n')).toEqual([
      'The first paragraph runs over two lines of the page, and the second of them is as full as the first one was.',
      'After a gap, the second paragraph begins on a full line and ends short.',
      'The third paragraph follows a short line that ended a sentence, and it goes on to a full line without a stop',
      'An indented line opens the fourth paragraph of them and it goes on: a short line ending a sentence.',
      'so this line, in lower case, does not start another one',
    ]);
  });

  it('mends hyphenation by the document’s own words, and keeps real hyphens', () => {
    const cleaned = cleanPdfPages([
      page(
        body([
          'This well-known view of cooperation has an argu-',
          'ment that is well-',
          'known: co-',
          'operation among the Sino-',
          'Japanese partners, and a pre-',
          'war xyz-',
          'abc pact.',
        ]),
      ),
    ]);
    expect(cleaned.text).toBe(
      'This well-known view of cooperation has an argument that is well-known: cooperation among the Sino-Japanese partners, and a prewar xyzabc pact.',
    );
  });

  it('joins a paragraph of many lines over two pages as it joins a short one', () => {
    // Past a few hundred characters a paragraph is built in parts (pdfClean's ParagraphText):
    // hyphens deep in it are mended by the document's words, and the second page starts at its
    // first line.
    const words = (i: number) =>
      `line ${i} of the long paragraph that runs on and on over the pages`;
    const first = Array.from({ length: 40 }, (_, i) => words(i));
    first[30] = 'where this line ends in an argu-';
    first[31] = 'ment and then a well-';
    first[32] = 'known phrase (well-known is a word here) and the line goes on';
    const second = Array.from({ length: 30 }, (_, i) => words(40 + i));
    second[20] = `${second[20]!}, co-`;
    second[21] = 'operation (cooperation is one here) on a line that goes on';
    const cleaned = cleanPdfPages([page(body(first)), page(body(second))]);
    const expected = [...first, ...second]
      .join(' ')
      .replace('argu- ment', 'argument')
      .replace('well- known', 'well-known')
      .replace('co- operation', 'cooperation');
    expect(cleaned.text).toBe(expected);
    expect(cleaned.text.length).toBeGreaterThan(2000);
    expect(cleaned.pages.map((p) => cleaned.text.slice(p.start, p.start + 12))).toEqual([
      'line 0 of th',
      'line 40 of t',
    ]);
  });

  it('joins CJK lines without a space, and mends radicals that stand for ideographs', () => {
    const cleaned = cleanPdfPages([
      page(body(['前大阪市⻓桥下彻表示', '赞同，称讨论“绝对必要”。'])),
    ]);
    expect(cleaned.text).toBe('前大阪市长桥下彻表示赞同，称讨论“绝对必要”。');
    expect(mendRadicals('⼀⽇⻢⻅⻚')).toBe('一日马见页');
    expect(mendRadicals('A—B ～')).toBe('A—B ～');
  });

  it('finds headings by their larger size, with levels', () => {
    const cleaned = cleanPdfPages([
      page([
        { text: 'The Title', y: 740, size: 20 },
        { text: '1 Introduction', y: 710, size: 14 },
        ...body(['Text of the introduction, a full sentence.'], 690),
        { text: '2 Method', y: 650, size: 14 },
        ...body(['Text of the method.'], 630),
      ]),
    ]);
    expect(cleaned.text).toBe(
      'The Title\n\n1 Introduction\n\nText of the introduction, a full sentence.\n\n2 Method\n\nText of the method.',
    );
    expect(cleaned.headings.map((h) => [h.title, h.level])).toEqual([
      ['The Title', 1],
      ['1 Introduction', 2],
      ['2 Method', 2],
    ]);
    for (const h of cleaned.headings) expect(cleaned.text.slice(h.start, h.end)).toBe(h.title);
  });
});

describe('columns', () => {
  it('reads the left column, then the right, under a title across both', () => {
    const left = (i: number) => `Left line ${i} of the column`;
    const right = (i: number) => `Right line ${i} of it`;
    const lines: L[] = [{ text: 'A Title That Spans Both Columns Of The Page', y: 740, size: 14 }];
    for (let i = 0; i < 8; i++) {
      lines.push({ text: left(i), y: 700 - i * 12, x: 72 });
      lines.push({ text: right(i), y: 700 - i * 12, x: 320 });
    }
    const cleaned = cleanPdfPages([page(lines)]);
    const words = cleaned.text.split('\n\n');
    expect(words[0]).toBe('A Title That Spans Both Columns Of The Page');
    expect(words[1]).toBe(
      [
        ...Array.from({ length: 8 }, (_, i) => left(i)),
        ...Array.from({ length: 8 }, (_, i) => right(i)),
      ].join(' '),
    );
  });
});

describe('alternating running heads', () => {
  it('drops the journal’s head on even pages and the article’s on odd ones', () => {
    const pages = Array.from({ length: 9 }, (_, i) =>
      page([
        {
          text: i % 2 ? `${i + 1}  Journal of Tests` : `On Cleaning PDFs  ${i + 1}`,
          y: 760 + (i % 2) * 1.5,
          x: i % 2 ? 72 : 300,
          size: 8,
        },
        ...body([`The body of page ${i + 1} runs on over a full line of text and`, 'ends.']),
      ]),
    );
    const cleaned = cleanPdfPages(pages);
    expect(cleaned.text).not.toMatch(/Journal|Cleaning/);
    expect(cleaned.pages.map((p) => p.label)).toEqual(pages.map((_, i) => String(i + 1)));
  });
});
