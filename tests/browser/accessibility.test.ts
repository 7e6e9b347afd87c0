/**
 * An automated accessibility scan (axe-core, injected into the page) of the editor, the map
 * library, the dialogs and presentation mode, in both interface languages: no serious or
 * critical violation.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { freshPagePerTest } from './freshPage';
import { seriousViolations } from './axe';

const session = freshPagePerTest();
let page: Page;
beforeEach(() => {
  page = session.page;
});

/** The serious and critical accessibility violations (axe-core) in the page or inside `selector`. */
const scan = (selector?: string): Promise<string[]> => seriousViolations(page, selector);

for (const language of ['en', 'zh'] as const) {
  describe(`accessibility scan (${language} interface)`, () => {
    beforeEach(async () => {
      if (language === 'zh') await page.getByTestId('language-switch').click();
    });

    it('the editor with a node selected', async () => {
      await page.locator('.react-flow__node-arg').first().click();
      expect(await scan()).toEqual([]);
    });

    it('the library, the new-map dialog and the shortcut list', async () => {
      await page.locator('.toolbar button[aria-label]').first().click();
      await page.getByTestId('map-library').waitFor();
      expect(await scan('[data-testid="map-library"]')).toEqual([]);
      await page.keyboard.press('Escape');
      await page.getByTestId('toolbar-new-map').click();
      await page.getByTestId('new-map-dialog').waitFor();
      expect(await scan('[data-testid="new-map-dialog"]')).toEqual([]);
      await page.keyboard.press('Escape');
      await page.locator('.toolbar [data-command="shortcuts"]').click();
      expect(await scan('[role="dialog"]')).toEqual([]);
    });

    it('presentation mode: the title slide, an overview, a stop and the jump list', async () => {
      await page.getByTestId('present').click();
      const stage = page.getByTestId('presentation');
      await stage.waitFor();
      expect(await scan()).toEqual([]);
      for (const type of ['section', 'stop']) {
        await page.keyboard.press('ArrowRight');
        await expect.poll(() => stage.getAttribute('data-slide-type')).toBe(type);
        expect(await scan()).toEqual([]);
      }
      await page.keyboard.press('g');
      await page.getByTestId('presentation-jump-list').waitFor();
      expect(await scan()).toEqual([]);
    });
  });
}
