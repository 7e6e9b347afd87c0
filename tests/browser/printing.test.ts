/**
 * What a teacher prints from the browser, read back as a class gets it: File → Slides prints the
 * deck to PDF (pages counted, text extracted with pdf.js — Chinese included — and measured), and
 * the handout's numbers on the map pages match its numbered list, which says each node's
 * relations by number.
 */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { freshPagePerTest } from './freshPage';
import { PICTURES_DRAWN } from './helpers';
import { readPdf } from '../unit/cli/readPdf';
import { parseMapText } from '../../src/io/mapFile';
import { buildDeck, nodeNumbers } from '../../src/io/slides';
import { sectionsOf } from '../../src/model/groups';
import { translationIn } from '../../src/model/translation';
import { RELATION_NAMES, RELATION_NAMES_INVERSE } from '../../src/model/words';

const session = freshPagePerTest();
let page: Page;
beforeEach(() => {
  page = session.page;
});

const article = (() => {
  const parsed = parseMapText(readFileSync('maps/us-japan-nuclear-sharing.argmap.json', 'utf8'));
  if (!parsed.ok) throw new Error('the shipped map does not parse');
  return parsed.map;
})();

/**
 * Chromium sizes a PDF page in whole CSS pixels: the 842 pt slide (1,122.67 px) prints 0.06 %
 * smaller, and its 18 pt text at 17.99 pt.
 */
const PAGE_ROUNDING = 0.999;

/** Opens File → Slides…, with the browser's print dialog replaced by a no-op. */
async function openSlidesDialog() {
  await page.locator('.react-flow__node-arg').first().waitFor();
  await page.evaluate(() => (window.print = () => undefined));
  await page.getByTestId('file-menu').click();
  await page.getByTestId('export-slides').click();
  await page.getByTestId('slides-dialog').waitFor();
}

/**
 * Prints what is being printed to PDF at its own page sizes, and reads it back. The text is
 * NFKC-normalised, as PDF readers do when searching: Chromium's PDF maps some CJK glyphs that
 * Noto shares between an ideograph and its Kangxi radical (日 and ⽇) back to the radical.
 */
async function printedPdf(testId: string) {
  await expect
    .poll(() => page.getByTestId(testId).getAttribute('data-ready'), PICTURES_DRAWN)
    .toBe('true');
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  return (await readPdf(new Uint8Array(pdf))).map((p) => ({
    ...p,
    items: p.items.map((it) => ({ ...it, text: it.text.normalize('NFKC') })),
  }));
}

describe('File → Slides', { timeout: 120_000 }, () => {
  it('prints the lesson tour as 16:9 pages, one per slide, with the text as text a class can read, in Chinese', async () => {
    await openSlidesDialog();
    // The first tour (the lesson) is chosen; the slides' words in Chinese.
    await page.getByTestId('slides-lang').selectOption('zh');
    const tour = article.tours![0]!;
    expect(await page.getByTestId('slides-tour').inputValue()).toBe(tour.id);
    const deck = buildDeck(article, { by: 'tour', tourId: tour.id, lang: 'zh' });
    expect(await page.getByTestId('slides-count').textContent()).toContain(
      String(deck.slides.length),
    );
    await page.getByTestId('slides-print').click();
    const pages = await printedPdf('print-slides');

    expect(pages).toHaveLength(deck.slides.length);
    for (const p of pages) expect(p.width / p.height).toBeCloseTo(16 / 9, 1);
    // Every stop's node text is on its page, large; nothing on any page is set below 12 pt.
    deck.slides.forEach((slide, i) => {
      const items = pages[i]!.items;
      for (const item of items) expect(item.size).toBeGreaterThanOrEqual(11.5);
      if (slide.type !== 'stop') return;
      // Chromium cuts a line into runs where the font changes; what matters is the size of each.
      const at = (size: number) =>
        items
          .filter((it) => it.size >= size * PAGE_ROUNDING)
          .map((it) => it.text)
          .join('')
          .replace(/\s/g, '');
      expect(at(24)).toContain(slide.text.normalize('NFKC').replace(/\s/g, '').slice(0, 12));
      // The relations are said in Chinese, at a size a class reads.
      for (const r of slide.relations) expect(at(18)).toContain(r.words.normalize('NFKC'));
    });
  });

  it('prints one overview slide per section, in English', async () => {
    await openSlidesDialog();
    await page.getByRole('radio', { name: /^section/ }).check();
    expect(await page.getByTestId('slides-tour').isDisabled()).toBe(true);
    await page.getByTestId('slides-print').click();
    const pages = await printedPdf('print-slides');
    const deck = buildDeck(article, { by: 'section', lang: 'en' });
    expect(pages).toHaveLength(deck.slides.length);
    const sections = sectionsOf(article);
    expect(deck.slides.filter((s) => s.type === 'section')).toHaveLength(sections.length);
    const all = pages.map((p) => p.items.map((it) => it.text).join(' ')).join('\n');
    for (const { group } of sections)
      expect(all).toContain((translationIn(group.translations, 'en') || group.title).slice(0, 12));
  });

  it('leaves with Esc, printing nothing', async () => {
    await openSlidesDialog();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('slides-dialog').count()).toBe(0);
    expect(await page.getByTestId('print-slides').count()).toBe(0);
  });
});

describe('the handout', { timeout: 120_000 }, () => {
  it('numbers every node on its map pages as in its list, and says each relation by number', async () => {
    await page.locator('.react-flow__node-arg').first().waitFor();
    // The map pages are pictures of blobs (which the page's policy lets no one fetch): keep them.
    await page.evaluate(() => {
      window.print = () => undefined;
      const blobs = new Map<string, Blob>();
      const create = URL.createObjectURL.bind(URL);
      URL.createObjectURL = (blob: Blob) => {
        const url = create(blob);
        blobs.set(url, blob);
        return url;
      };
      (window as unknown as { blobs: typeof blobs }).blobs = blobs;
    });
    await page.getByTestId('file-menu').click();
    await page.getByTestId('export-print').click();
    const handout = page.getByTestId('print-handout');
    await expect.poll(() => handout.getAttribute('data-ready'), PICTURES_DRAWN).toBe('true');

    // The whole map, then one page per section.
    const sections = sectionsOf(article);
    const maps = handout.locator('img');
    expect(await maps.count()).toBe(1 + sections.length);
    // The numbers printed on the whole map's nodes.
    const svg = await maps
      .first()
      .evaluate((img: HTMLImageElement) =>
        (window as unknown as { blobs: Map<string, Blob> }).blobs.get(img.src)!.text(),
      );
    const onMap = new Map<string, number>();
    for (const [, id, n] of svg.matchAll(/data-id="([^"]+)"[^>]*>(?:(?!data-id=)[^])*?>(\d+) · /g))
      onMap.set(id!, Number(n));
    const numbers = nodeNumbers(article);
    expect(onMap.size).toBe(numbers.size);

    // The list: the same number for the same node, and each relation by its neighbour's number.
    const entries = await handout.locator('.handout-list > li').evaluateAll((lis) =>
      lis.map((li) => ({
        id: li.getAttribute('data-node')!,
        value: (li as HTMLLIElement).value,
        text: li.textContent ?? '',
      })),
    );
    expect(entries).toHaveLength(numbers.size);
    for (const entry of entries) {
      expect(entry.value).toBe(onMap.get(entry.id));
      expect(entry.text.startsWith(`${entry.value} · `)).toBe(true);
    }
    const byId = new Map(entries.map((e) => [e.id, e]));
    const direct = article.edges.filter((e) => numbers.has(e.from) && numbers.has(e.to));
    expect(direct.length).toBeGreaterThan(20);
    /** The numbers an entry lists after `words` ("supported by 3, 4, 5"). */
    const numbersAfter = (text: string, words: string) =>
      [...text.matchAll(new RegExp(`${words} ([\\d, ]+)`, 'g'))].flatMap((m) =>
        m[1]!.split(',').map((n) => Number(n.trim())),
      );
    for (const edge of direct) {
      const words = RELATION_NAMES.en[edge.relation];
      expect(numbersAfter(byId.get(edge.from)!.text, words)).toContain(numbers.get(edge.to));
      const inverse = RELATION_NAMES_INVERSE.en[edge.relation];
      expect(numbersAfter(byId.get(edge.to)!.text, inverse)).toContain(numbers.get(edge.from));
    }

    // Printed: landscape map pages, then the list on portrait pages, with its Chinese text.
    const pages = await printedPdf('print-handout');
    expect(pages.length).toBeGreaterThan(1 + sections.length);
    for (const p of pages.slice(0, 1 + sections.length)) expect(p.width).toBeGreaterThan(p.height);
    const list = pages.slice(1 + sections.length);
    for (const p of list) expect(p.height).toBeGreaterThan(p.width);
    const listText = list.map((p) => p.items.map((it) => it.text).join('')).join('');
    expect(listText).toContain(
      article.nodes.find((n) => n.kind === 'conclusion')!.text.slice(0, 10),
    );
  });
});
