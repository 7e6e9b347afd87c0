/** Shared steps for the editor's browser tests: real pointer selection, new maps, nodes, tabs. */
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium } from './browser';

/**
 * One browser for a test file and a fresh context (its own, empty IndexedDB) for each test, in
 * which a test opens as many tabs as it needs (`openPage(session.context, url)`), all sharing that
 * context's storage: for tests of several tabs of one user.
 */
export function contextPerTest(options: BrowserContextOptions): { context: BrowserContext } {
  const state = {} as { browser: Browser; context: BrowserContext };
  beforeAll(async () => {
    state.browser = await launchChromium();
  });
  afterAll(async () => {
    await state.browser?.close();
  });
  beforeEach(async () => {
    // The built app registers a service worker; it would answer the tabs' requests (and hide
    // them from `route`), so only the offline test (offline.test.ts) lets it.
    state.context = await state.browser.newContext({ serviceWorkers: 'block', ...options });
  });
  afterEach(async () => {
    await state.context.close();
  });
  return state;
}

/** A statement node on the canvas of one tab. */
export const nodeOn = (page: Page, id: string) =>
  page.locator(`.react-flow__node-arg[data-id="${id}"]`);

/** The screen point just before (`side` 'start') or after ('end') character `index` of a sentence. */
async function charPoint(page: Page, sentenceId: string, index: number, side: 'start' | 'end') {
  return page.evaluate(
    ({ sentenceId, index, side }) => {
      const span = document.querySelector(`[data-sentence-id="${sentenceId}"]`)!;
      span.scrollIntoView({ block: 'center' });
      // The sentence's text may be cut into pieces (cited spans): find the one holding `i`.
      let i = side === 'start' ? index : index - 1;
      const walker = document.createTreeWalker(span, NodeFilter.SHOW_TEXT);
      let text = walker.nextNode() as Text;
      while (i >= text.length) {
        i -= text.length;
        text = walker.nextNode() as Text;
      }
      const range = document.createRange();
      range.setStart(text, i);
      range.setEnd(text, i + 1);
      const box = range.getClientRects()[0]!;
      return { x: side === 'start' ? box.left + 1 : box.right - 1, y: box.top + box.height / 2 };
    },
    { sentenceId, index, side },
  );
}

/** Selects characters [from, to) of a sentence by dragging the mouse across them. */
export async function dragSelect(page: Page, sentenceId: string, from: number, to: number) {
  const start = await charPoint(page, sentenceId, from, 'start');
  const end = await charPoint(page, sentenceId, to, 'end');
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move((start.x + end.x) / 2, (start.y + end.y) / 2, { steps: 4 });
  await page.mouse.move(end.x, end.y, { steps: 4 });
  await page.mouse.up();
}

export const ENGLISH_TEXT = [
  'Cities should plant more street trees. Trees cool streets by several degrees in summer.',
  '',
  'Shade also cuts the energy used for air conditioning. Critics say that trees cost too much to maintain. But the savings outweigh the cost within ten years.',
].join('\n');

/** Makes a new map from pasted text through the library's dialog, and waits for it to open. */
export async function newMapFromText(page: Page, text = ENGLISH_TEXT, title = 'Street trees') {
  await page.getByRole('button', { name: /Map library|论证图库/ }).click();
  await page.getByTestId('map-library').getByTestId('new-map-from-text').click();
  await page.getByTestId('new-map-text').fill(text);
  await page.getByTestId('new-map-title').fill(title);
  await page.getByTestId('new-map-preview').locator('li').first().waitFor();
  await page.getByTestId('create-map').click();
  await page.waitForFunction(
    (t) => document.querySelector('.toolbar h1')?.textContent === t,
    title,
  );
  // The new map's text drawn and the page quiet before a pointer selects in it: a selection
  // made while the source pane is still being drawn can be dropped (seen under CI's load).
  await page.locator('[data-sentence-id="s1"]').waitFor();
  await pageIdle(page);
}

/** The ids of the nodes on the canvas. */
export async function nodeIds(page: Page): Promise<string[]> {
  return page
    .locator('.react-flow__node')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-id')!));
}

/** Creates a node of `kind` from characters [from, to) of a sentence, via a real selection. */
export async function nodeFromText(
  page: Page,
  sentenceId: string,
  from: number,
  to: number,
  kind = 'claim',
) {
  const before = await nodeIds(page);
  await dragSelect(page, sentenceId, from, to);
  await page.getByTestId('selection-kind').selectOption(kind);
  await page.getByTestId('create-node-from-selection').click();
  await page.waitForFunction(
    (n) => document.querySelectorAll('.react-flow__node').length === n,
    before.length + 1,
  );
  const after = await nodeIds(page);
  return after.find((id) => !before.includes(id))!;
}

/**
 * Resolves once `sample` has given the same value for `frames` animation frames in a row: a
 * condition, not a guess at how long an animation or a save takes. `sample` runs in the page.
 */
export async function untilStable(page: Page, sample: string, frames = 10): Promise<void> {
  await page.evaluate(
    async ([code, needed]) => {
      const read = new Function(`return (${code});`) as () => unknown;
      let last = JSON.stringify(read());
      let same = 0;
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      for (let i = 0; i < 2000 && same < needed; i++) {
        await frame();
        const now = JSON.stringify(read());
        same = now === last ? same + 1 : 0;
        last = now;
      }
      if (same < needed) throw new Error(`${code} never settled`);
    },
    [sample, frames] as const,
  );
}

/**
 * Resolves once the canvas has stopped panning and zooming: its transform unchanged for `frames`
 * frames (20 outlasts the 300 ms transitions; a wheel zoom is immediate and needs few).
 */
export function viewSettled(page: Page, frames = 20): Promise<void> {
  return untilStable(
    page,
    "document.querySelector('.react-flow__viewport')?.getAttribute('style') ?? ''",
    frames,
  );
}

/** Lets the page run what is queued: two animation frames and a task after them. */
export async function pageIdle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0))),
      ),
  );
}

/**
 * How long a print view may take to draw its pictures (the handout's map pages are drawn in the
 * I/O worker, then decoded): readiness, not speed, is what the tests wait for.
 */
export const PICTURES_DRAWN = { timeout: 30_000 };
