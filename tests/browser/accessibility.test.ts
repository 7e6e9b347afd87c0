/**
 * An automated accessibility scan (axe-core, injected into the page) of the editor, the map
 * library, the dialogs and presentation mode, in both interface languages: no serious or
 * critical violation.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { freshPagePerTest } from './freshPage';

const session = freshPagePerTest();
let page: Page;
beforeEach(() => {
  page = session.page;
});

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** The serious and critical violations in the page (or in `selector`). */
async function scan(selector?: string): Promise<string[]> {
  // Evaluated, not a <script>: the page's Content-Security-Policy forbids inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const violations = await page.evaluate(async (context) => {
    const axe = (
      window as unknown as { axe: { run: (c: unknown) => Promise<{ violations: Violation[] }> } }
    ).axe;
    const result = await axe.run(context ? { include: [context] } : document);
    return result.violations;
  }, selector ?? null);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
}

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
