/**
 * The draft review list folds away to its heading to free the canvas (at 1280 px it covers much
 * of it): a button with aria-expanded, reached with Tab, in both interface languages; P unfolds
 * the list and focuses the next proposal. Real Chromium, real keys.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { freshPagePerTest } from './freshPage';
import { pageIdle, viewSettled } from './helpers';
import { SCHOOL_START_TEXT } from '../fixtures/maps/schoolStart';

const session = freshPagePerTest({ width: 1280, height: 800 });
let page: Page;
beforeEach(() => {
  page = session.page;
});

const items = () => page.getByTestId('draft-item');
const focused = () =>
  page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

/** Creates a map from the school-start text, drafted, and waits for its review list. */
async function draftSchoolMap() {
  await page.getByTestId('toolbar-new-map').click();
  await page.getByTestId('new-map-text').fill(SCHOOL_START_TEXT);
  await page.getByTestId('new-map-title').fill('School start');
  await page.getByTestId('new-map-preview').locator('li').first().waitFor();
  await page.getByTestId('new-map-draft').check();
  await page.getByTestId('create-map').click();
  await page.getByTestId('new-map-dialog').waitFor({ state: 'detached' });
  await page.getByTestId('draft-review').waitFor();
  await viewSettled(page);
  await pageIdle(page);
}

describe('folding the draft review list', () => {
  it('folds and unfolds with the keyboard, in English and Chinese; P unfolds it', async () => {
    await draftSchoolMap();
    const review = page.getByTestId('draft-review');
    const fold = page.getByTestId('draft-review-fold');
    const drafted = await items().count();
    expect(drafted).toBeGreaterThanOrEqual(4);
    expect(await fold.getAttribute('aria-expanded')).toBe('true');
    expect(await fold.textContent()).toBe('Hide the list');
    const open = (await review.boundingBox())!;

    // From the current proposal, Shift+Tab reaches the button (before the list, in its heading).
    await page.locator('[data-testid="draft-item"][aria-current="true"]').focus();
    for (let n = 0; n < 8 && (await focused()) !== 'draft-review-fold'; n++)
      await page.keyboard.press('Shift+Tab');
    expect(await focused()).toBe('draft-review-fold');
    await page.keyboard.press('Enter');
    await expect.poll(() => fold.getAttribute('aria-expanded')).toBe('false');
    expect(await items().count()).toBe(0);
    expect(await fold.textContent()).toBe('Show the list');
    expect(await focused()).toBe('draft-review-fold');
    // Folded, the review is its heading only: much smaller than the open list.
    const shut = (await review.boundingBox())!;
    expect(shut.height * shut.width).toBeLessThan((open.height * open.width) / 2);
    // The count of open proposals stays in view.
    expect(await page.getByTestId('draft-count').textContent()).toContain(String(drafted));
    // Space unfolds it again, the focus staying on the button.
    await page.keyboard.press('Space');
    await expect.poll(() => items().count()).toBe(drafted);
    expect(await fold.getAttribute('aria-expanded')).toBe('true');
    expect(await focused()).toBe('draft-review-fold');

    // Chinese: the same button in Chinese words.
    await page.getByTestId('language-switch').click();
    await expect.poll(() => fold.textContent()).toBe('收起列表');
    await fold.click();
    await expect.poll(() => fold.textContent()).toBe('展开列表');
    expect(await items().count()).toBe(0);

    // P on the canvas goes to the next proposal: the list unfolds and that proposal has the focus.
    await page.locator('.canvas').click({ position: { x: 300, y: 400 } });
    await page.keyboard.press('p');
    await expect.poll(() => items().count()).toBe(drafted);
    expect(await fold.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(focused).toBe('draft-item');
  });
});
