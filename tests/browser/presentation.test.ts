/**
 * Presentation as slides, in real Chromium with the shipped article map, at a projector's
 * 1280×720 and at 1920×1080: the stage shows nothing of the editor; the presented node is large,
 * fully in view and covered by nothing; quotes are readable; the keys, the jump list and the
 * section overviews work; the presenter window shows the notes, the next slide and a running
 * timer, follows the stage and moves it; both interface languages.
 */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { freshPagePerTest } from './freshPage';
import { parseMapText } from '../../src/io/mapFile';
import { buildDeck, type Slide } from '../../src/io/slides';
import { RELATION_NAMES_INVERSE, type WordsLanguage } from '../../src/model/words';
import { zh as zhMessages } from '../../src/ui/i18nZh';

const ARTICLE = 'maps/us-japan-nuclear-sharing.argmap.json';
const parsed = parseMapText(readFileSync(ARTICLE, 'utf8'));
if (!parsed.ok) throw new Error('The shipped article map does not load.');
const article = parsed.map;

/** The deck the stage shows for the article's first tour (its lesson), in `lang`. */
const lessonDeck = (lang: WordsLanguage) =>
  buildDeck(article, { by: 'tour', tourId: article.tours[0]!.id, lang, renderings: [lang, 'en'] });

/** The slide a title in the jump list and the presenter window is shown as. */
const titleOf = (slide: Slide) =>
  slide.type === 'stop' ? `${slide.number}. ${slide.text}` : slide.title;

const stage = (page: Page) => page.getByTestId('presentation');
const slideIndex = async (page: Page) => Number(await stage(page).getAttribute('data-slide'));

/** Starts presenting from ▶ Present and waits for the stage. */
async function present(page: Page) {
  await page.locator('.toolbar [data-command="present"]').click();
  await stage(page).waitFor();
}

/** Moves to slide `index` (0-based) with the keyboard. */
async function goTo(page: Page, index: number) {
  await page.keyboard.press('Home');
  await expect.poll(() => slideIndex(page)).toBe(0);
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowRight');
  await expect.poll(() => slideIndex(page)).toBe(index);
}

/**
 * The stop slide on the stage, read in one go: its node's text; what is wrong with the node's
 * box (outside the viewport, or overlapped: a hit test at points across it finds something that
 * is not the card or inside it, or a box of any other element of the stage meets it); the
 * computed font sizes of the node's text, its rendering and its first quote, in CSS pixels; and
 * the relation words shown.
 */
function readStop(page: Page) {
  return page.evaluate(() => {
    const problems: string[] = [];
    const card = document.querySelector<HTMLElement>('[data-testid="presentation-node"]')!;
    const box = card.getBoundingClientRect();
    if (box.left < 0 || box.top < 0 || box.right > innerWidth || box.bottom > innerHeight)
      problems.push(`outside the viewport: ${JSON.stringify(box)}`);
    for (const fx of [0.02, 0.25, 0.5, 0.75, 0.98])
      for (const fy of [0.02, 0.25, 0.5, 0.75, 0.98]) {
        const x = box.left + fx * box.width;
        const y = box.top + fy * box.height;
        const hit = document.elementFromPoint(x, y);
        if (!hit || !card.contains(hit))
          problems.push(`at ${Math.round(x)},${Math.round(y)}: ${hit?.outerHTML.slice(0, 80)}`);
      }
    const meets = (r: DOMRect) =>
      r.width > 0 &&
      r.height > 0 &&
      r.left < box.right - 0.5 &&
      box.left < r.right - 0.5 &&
      r.top < box.bottom - 0.5 &&
      box.top < r.bottom - 0.5;
    for (const el of document.querySelectorAll('[data-testid="presentation"] *')) {
      if (card.contains(el) || el.contains(card)) continue;
      if (meets(el.getBoundingClientRect()))
        problems.push(`meets ${el.tagName}.${el.className}: ${el.textContent?.slice(0, 40)}`);
    }
    const size = (testId: string) => {
      const el = document.querySelector(`[data-testid="${testId}"]`);
      return el ? parseFloat(getComputedStyle(el).fontSize) : null;
    };
    const quote = document.querySelector('[data-testid="presentation-quote"]');
    return {
      text: document.querySelector('[data-testid="presentation-text"]')!.textContent,
      problems,
      node: size('presentation-text')!,
      rendering: size('presentation-rendering'),
      quote: size('presentation-quote'),
      quoteShown: !!quote && quote.getClientRects().length > 0,
      words: [...document.querySelectorAll('.stage-relation-words')].map((h) => h.textContent),
    };
  });
}

for (const viewport of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
]) {
  describe(`the presentation stage at ${viewport.width}×${viewport.height}`, () => {
    const session = freshPagePerTest(viewport);
    let page: Page;
    beforeEach(() => {
      page = session.page;
    });

    it('shows nothing of the editor: every point of the screen is the stage', async () => {
      await present(page);
      for (const selector of [
        '.toolbar',
        '[data-testid="inspector"]',
        '.source-pane',
        '.react-flow__controls',
        '.react-flow__minimap',
        '.legend',
      ]) {
        // The editor is there (it comes back after), but not seen.
        expect(await page.locator(selector).count(), selector).toBeGreaterThan(0);
        expect(await page.locator(selector).first().isVisible(), selector).toBe(false);
      }
      const outside = await page.evaluate(() => {
        const stage = document.querySelector('[data-testid="presentation"]')!;
        const found: string[] = [];
        for (let x = 2; x < innerWidth; x += 40)
          for (let y = 2; y < innerHeight; y += 40) {
            const hit = document.elementFromPoint(x, y);
            if (!hit || !stage.contains(hit)) found.push(`${x},${y}: ${hit?.className}`);
          }
        return found;
      });
      expect(outside).toEqual([]);
      // Nor can the editor be reached with the keyboard or a screen reader.
      expect(await page.locator('.app').evaluate((app) => (app as HTMLElement).inert)).toBe(true);
      await page.keyboard.press('Escape');
      await expect.poll(() => stage(page).count()).toBe(0);
      expect(await page.locator('.toolbar').isVisible()).toBe(true);
    });

    it('shows each stop’s node large, fully in view and clear of everything, and its quote readable', async () => {
      const deck = lessonDeck('en');
      await present(page);
      let quotes = 0;
      for (const [i, slide] of deck.slides.entries()) {
        if (i > 0) await page.keyboard.press('ArrowRight');
        await expect.poll(() => slideIndex(page)).toBe(i);
        if (slide.type !== 'stop') continue;
        const shown = await readStop(page);
        expect(shown.text).toBe(slide.text);
        expect(shown.problems, `slide ${i + 1}`).toEqual([]);
        expect(shown.node).toBeGreaterThanOrEqual(24);
        if (slide.rendering) expect(shown.rendering).toBeGreaterThanOrEqual(18);
        if (slide.quotes.length) {
          quotes++;
          expect(shown.quote).toBeGreaterThanOrEqual(18);
          expect(shown.quoteShown).toBe(true);
        }
        // The neighbours, with the relation in words.
        for (const r of slide.relations) expect(shown.words).toContain(r.words);
      }
      expect(quotes).toBeGreaterThan(0);
      // Thirty slides, each read in the page: more than the default minute on a busy machine.
    }, 180_000);
  });
}

describe('moving through the slides', () => {
  const session = freshPagePerTest({ width: 1280, height: 720 });
  let page: Page;
  beforeEach(() => {
    page = session.page;
  });

  it('Home, End, PageUp, PageDown, Space and the arrows move as they should; Esc leaves', async () => {
    const total = lessonDeck('en').slides.length;
    await present(page);
    expect(await slideIndex(page)).toBe(0);
    expect(await page.getByTestId('presentation-count').textContent()).toBe(`1 / ${total}`);
    const steps: [string, number][] = [
      ['End', total - 1],
      ['ArrowRight', total - 1],
      ['Home', 0],
      ['ArrowLeft', 0],
      ['Space', 1],
      ['PageDown', 2],
      ['ArrowRight', 3],
      ['ArrowLeft', 2],
      ['PageUp', 1],
      ['ArrowDown', 2],
      ['ArrowUp', 1],
    ];
    for (const [key, to] of steps) {
      await page.keyboard.press(key);
      await expect.poll(() => slideIndex(page), { message: key }).toBe(to);
    }
    await expect
      .poll(() => page.getByTestId('presentation-announce').textContent())
      .toContain(`2 of ${total}`);
    // The progress bar says where the presentation is.
    expect(await page.locator('.stage-progress').getAttribute('aria-valuenow')).toBe('2');
    await page.keyboard.press('Escape');
    await expect.poll(() => stage(page).count()).toBe(0);
  });

  it('the jump list lists every slide and jumps to the one chosen, by keyboard or pointer', async () => {
    const slides = lessonDeck('en').slides;
    await present(page);
    await page.keyboard.press('g');
    const list = page.getByTestId('presentation-jump-list');
    const options = list.getByRole('option');
    expect(await options.count()).toBe(slides.length);
    expect(await options.nth(5).textContent()).toBe(`6${titleOf(slides[5]!)}`);
    // The current slide has the focus; the arrows move it, Enter jumps.
    await expect
      .poll(() => options.nth(0).evaluate((o) => o === document.activeElement))
      .toBe(true);
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => list.count()).toBe(0);
    expect(await slideIndex(page)).toBe(4);
    // End in the list goes to its last slide; a click jumps too.
    await page.getByTestId('presentation-jump').click();
    await page.keyboard.press('End');
    await expect
      .poll(() => options.last().evaluate((o) => o === document.activeElement))
      .toBe(true);
    await options.nth(9).click();
    await expect.poll(() => slideIndex(page)).toBe(9);
    // Esc closes the list, not the presentation; the stage's keys work again.
    await page.keyboard.press('j');
    await list.waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => list.count()).toBe(0);
    expect(await stage(page).count()).toBe(1);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => slideIndex(page)).toBe(10);
  });

  it('shows each section’s overview: where the tour enters it, and all of them by section', async () => {
    const deck = lessonDeck('en');
    const sections = (article.groups ?? []).filter((g) => g.parent === undefined);
    expect(sections.length).toBeGreaterThan(1);
    await present(page);
    // In the lesson, an overview opens each section the tour enters.
    const entered = deck.slides.filter((s) => s.type === 'section');
    expect(entered.length).toBeGreaterThan(1);
    for (const overview of entered) {
      await goTo(page, overview.index - 1);
      expect(await page.getByTestId('presentation-overview-title').textContent()).toBe(
        overview.title,
      );
      expect(await page.getByTestId('presentation-chapter').textContent()).toBe(overview.title);
    }
    // By section: the title slide, then every section's overview in turn.
    await page.keyboard.press('Home');
    await page.getByTestId('presentation-choice').selectOption('by-section');
    await expect
      .poll(() => page.getByTestId('presentation-count').textContent())
      .toBe(`1 / ${sections.length + 1}`);
    await page.getByTestId('presentation-slide').focus();
    const seen: string[] = [];
    for (let i = 0; i < sections.length; i++) {
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => slideIndex(page)).toBe(i + 1);
      seen.push((await page.getByTestId('presentation-overview-title').textContent())!);
    }
    const bySection = buildDeck(article, { by: 'section', lang: 'en' }).slides;
    expect(seen).toEqual(bySection.filter((s) => s.type === 'section').map((s) => s.title));
  });

  it('full screen is the stage’s own element', async () => {
    await present(page);
    await page.getByTestId('presentation-full').click();
    await expect
      .poll(() => page.evaluate(() => document.fullscreenElement?.getAttribute('data-testid')))
      .toBe('presentation');
    await page.getByTestId('presentation-exit').click();
    await expect.poll(() => page.evaluate(() => document.fullscreenElement)).toBe(null);
    expect(await stage(page).count()).toBe(0);
  });
});

describe('the presenter window', () => {
  const session = freshPagePerTest({ width: 1280, height: 720 });
  let page: Page;
  beforeEach(() => {
    page = session.page;
  });

  it('shows the notes, the next slide and a running timer, follows the stage and moves it', async () => {
    const slides = lessonDeck('en').slides;
    const noted = slides.findIndex((s) => s.type === 'stop' && s.notes);
    expect(noted).toBeGreaterThan(0);
    await present(page);
    const [popup] = await Promise.all([
      page.context().waitForEvent('page'),
      page.keyboard.press('p'),
    ]);
    const presenter = popup.getByTestId('presenter');
    await presenter.waitFor();
    expect(await page.getByTestId('presentation-presenter').getAttribute('aria-pressed')).toBe(
      'true',
    );
    const count = popup.getByTestId('presenter-count');
    expect(await count.textContent()).toBe(`1 / ${slides.length}`);
    expect(await popup.getByTestId('presenter-next').textContent()).toBe(titleOf(slides[1]!));

    // It follows the stage: the notes of a slide with notes, and what comes after it.
    await goTo(page, noted);
    const slide = slides[noted]!;
    await expect.poll(() => count.textContent()).toBe(`${noted + 1} / ${slides.length}`);
    expect(await popup.getByTestId('presenter-notes').textContent()).toBe(
      slide.type === 'stop' ? slide.notes : '',
    );
    expect(await popup.getByTestId('presenter-current').textContent()).toBe(titleOf(slide));
    expect(await popup.getByTestId('presenter-next').textContent()).toBe(
      titleOf(slides[noted + 1]!),
    );

    // The timer runs, and starts again from 0:00 when reset.
    const timer = popup.getByTestId('presenter-timer');
    const started = await timer.textContent();
    expect(started).toMatch(/^\d+:\d\d$/);
    await expect.poll(() => timer.textContent(), { timeout: 5000 }).not.toBe(started);
    await popup.getByTestId('presenter-reset').click();
    await expect.poll(() => timer.textContent()).toBe('0:00');
    await expect.poll(() => timer.textContent(), { timeout: 5000 }).toBe('0:01');

    // It moves the stage: its buttons and its keys.
    await popup.getByTestId('presenter-next-button').click();
    await expect.poll(() => slideIndex(page)).toBe(noted + 1);
    await popup.getByTestId('presenter-previous').click();
    await expect.poll(() => slideIndex(page)).toBe(noted);
    await popup.keyboard.press('ArrowRight');
    await expect.poll(() => slideIndex(page)).toBe(noted + 1);
    await popup.keyboard.press('Home');
    await expect.poll(() => slideIndex(page)).toBe(0);
    await expect.poll(() => count.textContent()).toBe(`1 / ${slides.length}`);

    // Closing the window: the stage notices and can open it again.
    await popup.close();
    await expect
      .poll(() => page.getByTestId('presentation-presenter').getAttribute('aria-pressed'))
      .toBe('false');
    const [again] = await Promise.all([
      page.context().waitForEvent('page'),
      page.getByTestId('presentation-presenter').click(),
    ]);
    await again.getByTestId('presenter').waitFor();
    // Leaving the presentation closes it.
    const closed = again.waitForEvent('close');
    await page.keyboard.press('Escape');
    await closed;
    expect(again.isClosed()).toBe(true);
  });
});

describe('the stage in Chinese', () => {
  const session = freshPagePerTest({ width: 1280, height: 720 });
  let page: Page;
  beforeEach(() => {
    page = session.page;
  });

  it('says everything in Chinese, with the English rendering of the Chinese nodes', async () => {
    const zh = zhMessages;
    const deck = lessonDeck('zh');
    await page.getByTestId('language-switch').click();
    await present(page);
    expect(await stage(page).getAttribute('aria-label')).toBe(zh.presentation);
    const buttons = await stage(page).locator('.stage-controls button').allTextContents();
    for (const key of [
      'previous',
      'next',
      'slideList',
      'presenterWindow',
      'exitPresentation',
    ] as const)
      expect(
        buttons.some((b) => b.includes(zh[key])),
        key,
      ).toBe(true);
    // The chapters are the sections' Chinese titles where the map has them.
    const first = deck.slides.findIndex((s) => s.type === 'stop');
    await goTo(page, first);
    const slide = deck.slides[first]!;
    if (slide.type !== 'stop') throw new Error('not a stop');
    expect(await page.getByTestId('presentation-chapter').textContent()).toBe(slide.chapter);
    expect(await stage(page).locator('.stage-node-kind').textContent()).toContain(slide.kindName);
    expect(await stage(page).locator('.stage-relation-words').allTextContents()).toContain(
      RELATION_NAMES_INVERSE.zh.supports,
    );
    const rendering = page.getByTestId('presentation-rendering');
    expect(await rendering.getAttribute('lang')).toBe('en');
    expect(await rendering.textContent()).toBe(
      article.nodes.find((n) => n.id === slide.nodeId)!.translations!.en,
    );
    await page.keyboard.press('g');
    expect(await page.getByTestId('presentation-jump-list').locator('h2').textContent()).toBe(
      zh.slideList,
    );
  });
});
