/**
 * The PDF reader on real files made in the test: the article printed by Chromium (a real
 * typesetter) with a running header and page numbers, a two-column English paper with hyphenated
 * words and footnotes, and bad files (scanned, encrypted, cut short, broken, HTML named .pdf).
 * One Chromium for the whole file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildArticleSource } from '../../../src/cli/buildArticleSource';
import type { ExtractedText } from '../../../src/io/formats/extracted';
import { readPdf } from '../../../src/io/formats/pdf';
import { mendRadicals } from '../../../src/io/formats/pdfClean';
import { english } from '../../../src/model/messages';
import { CHROMIUM_ARGS } from '../../browser/browser';
import { readPdf as readPdfItems } from '../cli/readPdf';
import { escapeHtml, pdfkitBytes, printPdf } from './pdfFixtures';

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

const squash = (s: string) => s.replace(/\s+/g, '');

async function extract(bytes: Uint8Array): Promise<ExtractedText> {
  const result = await readPdf(bytes);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('; '));
  return result.extracted;
}

/** The first characters of each page's body, as pdf.js reads the page (below the header). */
async function firstBodyText(bytes: Uint8Array, header: string): Promise<string[]> {
  const pages = await readPdfItems(bytes);
  return pages.map((page) => {
    const body = page.items
      .filter((item) => !header.includes(mendRadicals(item.text.trim())))
      .sort((a, b) => a.top - b.top);
    return mendRadicals(squash(body[0]?.text ?? ''));
  });
}

const ARTICLE = resolve(__dirname, '../../../../shared/article/us-japan-nuclear-relations.zh.txt');
const hasArticle = existsSync(ARTICLE);
if (!hasArticle) console.warn(`Skipping the article PDF test: ${ARTICLE} does not exist.`);

describe.skipIf(!hasArticle)('the article, printed to PDF by Chromium', () => {
  const HEADER = '美日核关系研究 · 测试刊 2022 年';
  /**
   * Clauses: the text cut at clause punctuation, whitespace aside. Two pairs of characters share
   * one glyph in the CJK fonts and the PDF's text layer names the glyph by the other: the dash
   * `—`/`―` and the wave `～`/`〜` (unlike the radicals, both are real characters, so the reader
   * leaves them).
   */
  const clauses = (text: string) =>
    squash(text)
      .replace(/\u2015/g, '\u2014')
      .replace(/\u301C/g, '\uFF5E')
      .split(/(?<=[，。；：！？、,;:!?])/);

  let expected: string;
  let bytes: Uint8Array;
  let extracted: ExtractedText;
  beforeAll(async () => {
    expected = buildArticleSource(readFileSync(ARTICLE, 'utf8')).text;
    const isHeading = (p: string) => /^[一二三]、/.test(p) || p === '注释';
    const body = expected
      .split('\n\n')
      .map((p) => (isHeading(p) ? `<h2>${escapeHtml(p)}</h2>` : `<p>${escapeHtml(p)}</p>`))
      .join('\n');
    const html = `<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8">
      <title>战后美日核关系的形成与发展</title><style>
      body { font: 11pt 'Noto Serif CJK SC', serif; line-height: 1.6 }
      p { margin: 0 0 0.6em; text-indent: 2em } h2 { font-size: 15pt }
      </style></head><body>${body}</body></html>`;
    bytes = await printPdf(browser, html, { header: HEADER, footer: '·{n}·' });
    extracted = await extract(bytes);
  }, 60_000);

  it('gives the cleaned article, clause by clause', () => {
    const got = clauses(extracted.text);
    const want = clauses(expected);
    expect(got.length).toBeGreaterThan(400);
    expect(got).toEqual(want);
    // The same paragraphs, too.
    expect(extracted.text.split('\n\n').map(squash)).toEqual(
      expected
        .split('\n\n')
        .map(squash)
        .map((p) => p.replace(/\u2014/g, '\u2015').replace(/\uFF5E/g, '\u301C')),
    );
  });

  it('leaves no running header, footer or page number behind', () => {
    expect(extracted.text).not.toContain('测试刊');
    expect(extracted.text).not.toMatch(/·\d+·/);
    expect(extracted.notes).toEqual(
      expect.arrayContaining([
        { key: 'pdfNoteRunning', args: [String(extracted.pages!.length)] },
        { key: 'pdfNotePageNumbers', args: [String(extracted.pages!.length)] },
      ]),
    );
  });

  it('labels each page by its printed number and starts it where its first line is', async () => {
    const pages = extracted.pages!;
    const firsts = await firstBodyText(bytes, HEADER);
    expect(pages.length).toBe(firsts.length);
    expect(pages.length).toBeGreaterThan(5);
    expect(pages.map((p) => p.label)).toEqual(pages.map((_, i) => String(i + 1)));
    pages.forEach((page, i) => {
      if (i) expect(page.start).toBeGreaterThan(pages[i - 1]!.start);
      const at = squash(extracted.text.slice(page.start, page.start + 40));
      expect(at.startsWith(firsts[i]!.slice(0, 6)), `page ${i + 1}: ${at} / ${firsts[i]}`).toBe(
        true,
      );
    });
  });

  it('finds the section headings by their size, and the title in the metadata', () => {
    expect(extracted.headings!.map((h) => h.title)).toEqual([
      '一、战后美日核关系的形成与发展',
      '二、近年来美日核关系中的重要变化',
      '三、与北约核共享的比较及应对策略',
      '注释',
    ]);
    for (const h of extracted.headings!) expect(extracted.text.slice(h.start, h.end)).toBe(h.title);
    expect(extracted.title).toBe('战后美日核关系的形成与发展');
  });
});

/** English words with soft hyphens (`&shy;`), so that Chromium breaks lines inside them. */
const WORDS = [
  'the',
  'ar&shy;gu&shy;ment',
  'from',
  'in&shy;ter&shy;na&shy;tion&shy;al',
  'co&shy;op&shy;er&shy;a&shy;tion',
  'rests',
  'on',
  'well-known',
  'as&shy;sump&shy;tions',
  'about',
  'in&shy;sti&shy;tu&shy;tion&shy;al',
  'be&shy;hav&shy;iour',
  'and',
  're&shy;spon&shy;si&shy;bil&shy;i&shy;ty',
  'of',
  'gov&shy;ern&shy;ments',
  'toward',
  'their',
  'cit&shy;i&shy;zens',
];

/** A paragraph of `n` words picked by a seeded generator, numbered so that order shows. */
function paragraph(seed: number, n: number): string {
  const out: string[] = [];
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    out.push(WORDS[s % WORDS.length]!);
  }
  return `Paragraph ${seed}: ${out.join(' ')}.`;
}

/** Pages of two columns under a title across both, each with a footnote at its foot. */
function twoColumnHtml(pages: { title: string; paragraphs: string[]; note: string }[]): string {
  const section = (p: (typeof pages)[number]) =>
    `<section><h1>${p.title}</h1><div class="cols">${p.paragraphs
      .map((x) => `<p>${x}</p>`)
      .join('')}</div><footer class="fn"><sup>1</sup> ${p.note}</footer></section>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Two Columns</title>
    <style>
    body { margin: 0; font: 11pt serif; line-height: 1.35 }
    section { height: 250mm; display: flex; flex-direction: column; break-after: page }
    h1 { font-size: 18pt; margin: 0 0 10pt }
    .cols { columns: 2; column-gap: 1cm; text-align: justify }
    p { margin: 0; text-indent: 1.5em }
    .fn { margin-top: auto; font-size: 8pt; border-top: 0.5pt solid black; padding-top: 4pt }
    </style></head><body>${pages.map(section).join('')}</body></html>`;
}

const plain = (html: string) => html.replace(/&shy;/g, '');

describe('a two-column English PDF with hyphenated words and footnotes', () => {
  const first = Array.from({ length: 6 }, (_, i) => paragraph(i + 1, 40 + (i % 3) * 15));
  const second = Array.from({ length: 6 }, (_, i) => paragraph(i + 7, 40 + (i % 3) * 15));
  const notes = ['A note at the foot of the first page, in a smaller font.', 'Another note.'];
  let bytes: Uint8Array;
  let extracted: ExtractedText;
  beforeAll(async () => {
    const html = twoColumnHtml([
      { title: 'A Title Across Both Columns', paragraphs: first, note: notes[0]! },
      { title: 'Second Part', paragraphs: second, note: notes[1]! },
    ]);
    bytes = await printPdf(browser, html, {
      header: 'Journal of Tests · Running Head',
      footer: '{n}',
    });
    extracted = await extract(bytes);
  }, 60_000);

  it('has lines broken at soft hyphens and after the real hyphen of “well-known”', async () => {
    const items = (await readPdfItems(bytes)).flatMap((p) => p.items.map((i) => i.text));
    // Chromium draws the hyphen of a soft-hyphen break as an item of its own, U+2010.
    expect(items.filter((t) => t === '\u2010').length).toBeGreaterThan(10);
    expect(items.some((t) => /well-$/.test(t))).toBe(true);
  });

  it('reads the columns in order, with hyphenation mended and real hyphens kept', () => {
    expect(extracted.text).toBe(
      [
        'A Title Across Both Columns',
        ...first.map(plain),
        'Second Part',
        ...second.map(plain),
        'Notes',
        ...notes.map((n, i) => `[${i + 1}] ${n}`),
      ].join('\n\n'),
    );
    expect(extracted.notes).toEqual(
      expect.arrayContaining([
        { key: 'pdfNoteFootnotes', args: ['2'] },
        { key: 'pdfNoteRunning', args: ['2'] },
        { key: 'pdfNotePageNumbers', args: ['2'] },
      ]),
    );
  });

  it('keeps the pages and headings', () => {
    const second = extracted.text.indexOf('Second Part');
    expect(extracted.pages).toEqual([
      { label: '1', start: 0 },
      { label: '2', start: second },
    ]);
    expect(extracted.headings).toEqual([
      { start: 0, end: 27, level: 1, title: 'A Title Across Both Columns' },
      { start: second, end: second + 11, level: 1, title: 'Second Part' },
    ]);
    expect(extracted.title).toBe('Two Columns');
  });

  it('reads a 30-page PDF in a few seconds', async () => {
    const pages = Array.from({ length: 30 }, (_, p) => ({
      title: `Part ${p + 1}`,
      paragraphs: Array.from({ length: 6 }, (_, i) => paragraph(p * 6 + i + 1, 55)),
      note: `The note of part ${p + 1}.`,
    }));
    const big = await printPdf(browser, twoColumnHtml(pages), { header: 'Long', footer: '{n}' });
    const t0 = performance.now();
    const result = await extract(big);
    const ms = performance.now() - t0;
    console.log(`30-page two-column PDF (${big.length} bytes) read in ${Math.round(ms)} ms`);
    expect(result.pages!.map((p) => p.label)).toEqual(pages.map((_, i) => String(i + 1)));
    expect(result.text).toContain(plain(pages[29]!.paragraphs[5]!));
    expect(ms).toBeLessThan(20_000);
  }, 120_000);
});

describe('files that are refused, each with its reason', () => {
  const keysOf = async (bytes: Uint8Array) => {
    const result = await readPdf(bytes);
    expect(result.ok).toBe(false);
    return result.ok ? [] : result.problems.map((p) => p.says?.key);
  };

  it('a scanned PDF: pages of images, no text', async () => {
    const page = await browser.newPage({ viewport: { width: 600, height: 800 } });
    await page.setContent('<p style="font: 20px serif">A page of text, scanned.</p>');
    const scan = await page.screenshot();
    await page.close();
    const bytes = await pdfkitBytes({}, (doc) => {
      doc.image(scan, 0, 0, { width: 612 });
      doc.addPage().image(scan, 0, 0, { width: 612 });
    });
    const result = await readPdf(bytes);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems[0]!.says).toEqual({ key: 'pdfNoText', args: ['2'] });
      expect(result.problems[0]!.message).toMatch(/2 page\(s\) but no text layer/);
    }
  });

  it('an encrypted PDF', async () => {
    const bytes = await pdfkitBytes({ userPassword: 'secret', ownerPassword: 'owner' }, (doc) =>
      doc.text('Secret text.'),
    );
    expect(await keysOf(bytes)).toEqual(['pdfEncrypted']);
    // Protected only against changes (no password to open it): read.
    const open = await pdfkitBytes({ ownerPassword: 'owner' }, (doc) => doc.text('Open text.'));
    expect((await extract(open)).text).toBe('Open text.');
  });

  it('a PDF cut short, and one broken inside', async () => {
    const whole = await pdfkitBytes({}, (doc) => doc.text('Some text. '.repeat(200)));
    expect((await extract(whole)).text).toContain('Some text.');
    expect(await keysOf(whole.slice(0, Math.floor(whole.length * 0.6)))).toEqual(['pdfTruncated']);
    const broken = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<< /Oops\nstream\n%%EOF\n');
    expect(await keysOf(broken)).toEqual(['pdfBroken']);
  });

  it('a PDF with more pages than allowed', async () => {
    const bytes = await pdfkitBytes({}, (doc) => {
      doc.text('One.');
      doc.addPage().text('Two.');
      doc.addPage().text('Three.');
    });
    expect(await readPdf(bytes, { maxPages: 2 })).toMatchObject({
      ok: false,
      problems: [{ says: { key: 'pdfTooManyPages', args: ['3', '2'] } }],
    });
    expect((await extract(bytes)).pages!.map((p) => p.label)).toEqual(['1', '2', '3']);
  });

  it('an HTML page or a text file named .pdf, and an empty file', async () => {
    const html = new TextEncoder().encode('<!DOCTYPE html><html><body>Not found</body></html>');
    const result = await readPdf(html);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(english(result.problems[0]!.says!)).toBe(
        'This file is not a PDF (it does not begin with “%PDF-”): it looks like a web page (HTML); open it as a web page instead.',
      );
    expect(await readPdf(new TextEncoder().encode('Just some notes.'))).toMatchObject({
      ok: false,
      problems: [{ says: { key: 'pdfNotPdf', args: [{ key: 'pdfKindText' }] } }],
    });
    expect(await keysOf(new Uint8Array())).toEqual(['fileEmpty']);
  });
});

describe('citation fields from the metadata', () => {
  it('takes the title, author and date, and leaves a placeholder title out', async () => {
    const bytes = await pdfkitBytes(
      {
        info: {
          Title: 'Microsoft Word - On Nuclear Sharing.docx',
          Author: 'Jin Ying',
          CreationDate: new Date(Date.UTC(2022, 10, 5, 12)),
        },
      },
      (doc) => doc.text('The text.'),
    );
    expect(await extract(bytes)).toMatchObject({
      text: 'The text.',
      title: 'On Nuclear Sharing',
      author: 'Jin Ying',
      date: '2022-11-05',
      pages: [{ label: '1', start: 0 }],
    });
    const blank = await pdfkitBytes({ info: { Title: 'about:blank' } }, (doc) => doc.text('X.'));
    expect((await extract(blank)).title).toBeUndefined();
  });
});
