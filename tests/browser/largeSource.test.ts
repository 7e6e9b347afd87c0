/**
 * The source pane of the largest map the limits allow (100,000 sentences): windowed, so only the
 * sentences on screen are in the page, and yet every one can be reached, by scrolling, by
 * selecting a node that cites it, and by a search. (How long opening takes is the benchmark's
 * business: `npm run bench:profile -- largest`.)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { freshPagePerTest } from './freshPage';
import { dragSelect, nodeOn } from './helpers';
import { LAST_SPAN, largestMapFile } from './largestFile';
import { MAP_LIMITS } from '../../src/model/limits';

const state = freshPagePerTest();

/** Imports the largest file through File › Import and waits for it to open. */
async function openLargest(page: Page): Promise<void> {
  const { text } = largestMapFile();
  const folder = mkdtempSync(join(tmpdir(), 'argmap-large-source-'));
  const path = join(folder, 'largest.argmap.json');
  writeFileSync(path, text);
  try {
    await page.getByTestId('file-menu').click();
    await page.getByTestId('import-input').setInputFiles(path);
    await page.locator('h1[title="The largest file"]').waitFor({ timeout: 180_000 });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  await page.getByTestId('import-report').getByRole('button').first().click();
}

/** How many sentence elements are in the page. */
const sentencesInPage = (page: Page) => page.locator('[data-sentence-id]').count();

/** Whether the sentence is in the page and inside the visible part of the source pane. */
function inView(page: Page, sentenceId: string): Promise<boolean> {
  return page.evaluate((id) => {
    const pane = document.querySelector('[data-testid="source-pane"]')!.getBoundingClientRect();
    const box = document.querySelector(`[data-sentence-id="${id}"]`)?.getBoundingClientRect();
    return !!box && box.height > 0 && box.top >= pane.top && box.bottom <= pane.bottom;
  }, sentenceId);
}

describe('the source pane of the largest map', () => {
  it('renders only what is on screen, and reaches every sentence', async () => {
    const { page } = state;
    await openLargest(page);
    // Opening lays the map out (its nodes have no positions): the conclusion ends up above its
    // premises, and that is not refused as going over the limits (it once was: positions added
    // characters the map had no room for).
    const top = async (id: string) => (await nodeOn(page, id).boundingBox())?.y ?? NaN;
    await expect
      .poll(async () => (await top('n1')) > (await top('n0')), { timeout: 60_000 })
      .toBe(true);
    expect(await page.locator('[role="alert"]').allTextContents()).toEqual([]);
    const pane = page.getByTestId('source-pane');
    await expect.poll(() => pane.getAttribute('data-windowed')).toBe('true');

    // The first sentences show; a few dozen sentences are in the page, not 100,000.
    await expect.poll(() => inView(page, 's0-0')).toBe(true);
    expect(await page.locator('[data-sentence-id="s0-0"]').textContent()).toBe(
      'Source 0 sentence 000000 says something.',
    );
    expect(await sentencesInPage(page)).toBeLessThan(MAP_LIMITS.sentences / 100);

    // The pane shows one source at a time, chosen by its tab: here the first of 20.
    const tabs = page.getByTestId('source-tab');
    expect(await tabs.count()).toBe(MAP_LIMITS.sources);
    expect(await tabs.first().getAttribute('aria-selected')).toBe('true');
    const perSource = MAP_LIMITS.sentences / MAP_LIMITS.sources;
    const endOfFirst = `s0-${perSource - 1}`;
    // Scrolling to the end (as dragging the scroll bar down does) shows its last sentence.
    await page.waitForFunction(
      (id) => {
        const el = document.querySelector<HTMLElement>('[data-testid="source-pane"]')!;
        el.scrollTop = el.scrollHeight;
        const box = document.querySelector(`[data-sentence-id="${id}"]`)?.getBoundingClientRect();
        const view = el.getBoundingClientRect();
        return !!box && box.top >= view.top && box.bottom <= view.bottom;
      },
      endOfFirst,
      { polling: 'raf', timeout: 30_000 },
    );
    expect(await sentencesInPage(page)).toBeLessThan(MAP_LIMITS.sentences / 100);
    // Back at the top, the end is out of the page again.
    await page.evaluate(() => {
      document.querySelector('[data-testid="source-pane"]')!.scrollTop = 0;
    });
    await expect.poll(() => inView(page, 's0-0')).toBe(true);
    await expect.poll(() => page.locator(`[data-sentence-id="${endOfFirst}"]`).count()).toBe(0);

    // Selecting the node that cites a span of the last sentence of the last source (found by
    // the search, then clicked on the canvas) shows that source's tab, scrolls the pane to the
    // sentence and lights exactly that span.
    const last = `n${MAP_LIMITS.sources * 10 - 1}`;
    await page.getByTestId('search-input').fill(`Node ${last.slice(1)}`);
    await page.getByTestId('search-input').press('Enter');
    await expect.poll(() => inView(page, LAST_SPAN.sentence)).toBe(true);
    const lit = page.locator(`[data-sentence-id="${LAST_SPAN.sentence}"] .piece.lit`);
    await expect.poll(() => lit.allTextContents()).toEqual([LAST_SPAN.quote]);
    await page.evaluate(() => {
      document.querySelector('[data-testid="source-pane"]')!.scrollTop = 0;
    });
    await expect
      .poll(() => page.locator(`[data-sentence-id="${LAST_SPAN.sentence}"]`).count())
      .toBe(0);
    // The search moved the canvas to the node: click on the canvas beside it, then on it.
    await nodeOn(page, last).waitFor();
    const box = (await nodeOn(page, last).boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y - 40);
    await expect.poll(() => nodeOn(page, last).getAttribute('class')).not.toMatch(/selected/);
    await nodeOn(page, last).click();
    await expect.poll(() => inView(page, LAST_SPAN.sentence)).toBe(true);
    await expect.poll(() => lit.allTextContents()).toEqual([LAST_SPAN.quote]);
    expect(await sentencesInPage(page)).toBeLessThan(MAP_LIMITS.sentences / 100);

    // A search result far down the text brings its sentence into view, lit.
    const far = 's18-4321';
    await page.getByTestId('search-input').fill('Source 18 sentence 004321');
    await page.getByTestId('search-input').press('Enter');
    await expect.poll(() => inView(page, far)).toBe(true);
    await expect
      .poll(() => page.locator(`[data-sentence-id="${far}"]`).getAttribute('class'))
      .toMatch(/lit-whole/);

    // Clicking a cited sentence selects the node citing it.
    await tabs.first().click();
    await page.evaluate(() => {
      document.querySelector('[data-testid="source-pane"]')!.scrollTop = 0;
    });
    await expect.poll(() => inView(page, 's0-1')).toBe(true);
    await page.locator('[data-sentence-id="s0-1"]').click();
    await expect.poll(() => nodeOn(page, 'n20').getAttribute('class')).toMatch(/selected/);

    // Selecting text in the windowed pane offers to make a node of it.
    await dragSelect(page, 's0-12', 0, 8);
    await page.getByTestId('create-node-from-selection').waitFor();
    await page.keyboard.press('Escape');
  }, 300_000);
});
