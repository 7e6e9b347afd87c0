/**
 * The slides export as a class will get it: a PDF read back with pdf.js (the PDF reader of
 * Firefox), its pages counted, its text extracted — Chinese included — and measured.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/argmap';
import { fakeIo } from './fakeIo';
import { readPdf } from './readPdf';
import { buildDeck } from '../../../src/io/slides';
import { parseMapText } from '../../../src/io/mapFile';

const ARTICLE = 'maps/us-japan-nuclear-sharing.argmap.json';

const article = () => {
  const parsed = parseMapText(readFileSync(ARTICLE, 'utf8'));
  if (!parsed.ok) throw new Error('the shipped map does not parse');
  return parsed.map;
};

// A deck of the article is ~160 pages and 3 s of work; on a busy machine, more.
describe('argmap export --format slides', { timeout: 60_000 }, () => {
  it('writes one 16:9 page per slide, with selectable Chinese text a class can read', async () => {
    const t = fakeIo();
    expect(
      await run(
        ['export', ARTICLE, '--format', 'slides', '--by', 'section', '--out', 'd.pdf'],
        t.io,
      ),
    ).toBe(0);
    const pages = await readPdf(t.written.get('d.pdf') as Uint8Array);
    const deck = buildDeck(article(), { by: 'section' });
    expect(pages).toHaveLength(deck.slides.length);
    for (const page of pages) expect(page.width / page.height).toBeCloseTo(16 / 9, 2);
    const all = pages.flatMap((p) => p.items);
    // The title slide's title, and a section's main point, as text (not pictures of text).
    expect(all.map((i) => i.text).join('')).toContain('美日核关系与日本');
    const firstSection = deck.slides[1]!;
    if (firstSection.type !== 'section') throw new Error('expected a section slide');
    const point = firstSection.items[0]!.text.slice(0, 8);
    expect(pages[1]!.items.map((i) => i.text).join('')).toContain(point);
    // Everything but the running header (top 40 pt) and the counts is body text of 18 pt or more.
    for (const item of all) {
      if (item.top < 40 || /^—|points|论点/.test(item.text)) continue;
      expect(item.size, item.text).toBeGreaterThanOrEqual(18);
    }
  });

  it('follows a tour, in the slides’ language, and embeds the font as a subset', async () => {
    const t = fakeIo();
    expect(
      await run(['export', ARTICLE, '--format', 'slides', '--lang', 'zh', '--out', 'd.pdf'], t.io),
    ).toBe(0);
    const bytes = t.written.get('d.pdf') as Uint8Array;
    const map = article();
    const tour = map.tours.find((x) => x.steps.length)!;
    const pages = await readPdf(bytes);
    expect(pages.length).toBe(buildDeck(map, { lang: 'zh' }).slides.length);
    expect(pages.length).toBeGreaterThan(tour.steps.length);
    const text = pages.map((p) => p.items.map((i) => i.text).join('')).join('\n');
    expect(text).toContain('结论');
    // A subset: the whole Noto Sans CJK collection is ~20 MB; the glyphs a deck uses are far less.
    expect(bytes.length).toBeLessThan(3_000_000);
    expect(Buffer.from(bytes).toString('latin1')).toMatch(/\/FontName \/[A-Z]{6}\+NotoSansCJKsc/);
  });

  it('writes a folder of SVG slides, and says how many', async () => {
    const t = fakeIo();
    expect(
      await run(
        ['export', ARTICLE, '--format', 'slides-svg', '--by', 'section', '--out', 'deck'],
        t.io,
      ),
    ).toBe(0);
    const count = buildDeck(article(), { by: 'section' }).slides.length;
    expect(t.folders).toEqual(['deck']);
    expect([...t.written.keys()]).toEqual(
      Array.from({ length: count }, (_, i) => `deck/slide-${i + 1}.svg`),
    );
    expect(t.stderr()).toContain(`${count} slides written to deck`);
  });

  it.each([
    [['--format', 'slides-svg'], /slides-svg writes a folder/],
    [['--format', 'slides', '--by', 'chapter'], /--by must be tour or section \(got "chapter"\)/],
    [['--format', 'svg', '--tour', 't1'], /--tour applies to the slides and slides-svg formats/],
  ])('refuses %j with a usage error naming what is allowed', async (args, message) => {
    const t = fakeIo();
    expect(await run(['export', ARTICLE, ...args], t.io)).toBe(2);
    expect(t.stderr()).toMatch(message);
  });

  it('names the tours a map has when asked for one it has not', async () => {
    const t = fakeIo();
    expect(
      await run(
        ['export', ARTICLE, '--format', 'slides', '--tour', 'nope', '--out', 'd.pdf'],
        t.io,
      ),
    ).toBe(1);
    expect(t.stderr()).toMatch(/the map has no tour "nope"; its tours are lesson, t1/);
  });
});
