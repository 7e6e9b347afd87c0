/**
 * Views that keep clear of what lies over the canvas, in real Chromium: after Fit view and after
 * nodes are added one after another (each brought into view), the nodes in question are not
 * under the legend, the minimap or the zoom controls. (Presentation has a stage of its own,
 * which covers the editor: its node's clearance is tested in presentation.test.ts.)
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { freshPagePerTest } from './freshPage';
import { newMapFromText, nodeFromText } from './helpers';

const session = freshPagePerTest({ width: 1280, height: 800 });
let page: Page;
beforeEach(() => {
  page = session.page;
});

type Rect = { x: number; y: number; width: number; height: number };
const meet = (a: Rect, b: Rect) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Waits until the view has stopped moving (the same transform on two reads in a row). */
async function settled() {
  let last = '';
  await expect
    .poll(async () => {
      const now = await page
        .locator('.react-flow__viewport')
        .evaluate((v) => getComputedStyle(v).transform);
      const same = now === last;
      last = now;
      return same;
    })
    .toBe(true);
}

/** What covers the canvas: legend, minimap, controls. */
async function covers(): Promise<Record<string, Rect>> {
  const out: Record<string, Rect> = {};
  for (const [name, selector] of [
    ['legend', '.legend'],
    ['minimap', '.react-flow__minimap'],
    ['controls', '.react-flow__controls'],
  ] as const) {
    const found = page.locator(selector);
    if (!(await found.count())) continue;
    const box = await found.boundingBox();
    if (box) out[name] = box;
  }
  return out;
}

/** The covers each of `ids`'s boxes lies under (none, when all is well). */
async function covered(ids: readonly string[]): Promise<string[]> {
  const over = await covers();
  const found: string[] = [];
  for (const id of ids) {
    const box = (await page.locator(`.react-flow__node[data-id="${id}"]`).boundingBox())!;
    for (const [name, rect] of Object.entries(over))
      if (meet(box, rect)) found.push(`${id} under the ${name}`);
  }
  return found;
}

for (const language of ['en', 'zh'] as const) {
  describe(`views clear of the canvas's panels (${language} interface)`, () => {
    it('brings each added node into view clear of the legend and minimap; Fit view fits all clear of them', async () => {
      if (language === 'zh') await page.getByTestId('language-switch').click();
      await newMapFromText(page);
      const thesis = await nodeFromText(page, 's1', 0, 38, 'conclusion');
      const made = [thesis];
      // Reasons in a row under the thesis (S on the selected thesis): the row runs to the right,
      // towards the legend and the minimap.
      await page.locator(`.react-flow__node[data-id="${thesis}"]`).click();
      for (let i = 0; i < 6; i++) {
        await page.keyboard.press('s');
        // (Nodes out of view are not in the page: the new one is the selected one.)
        const selected = () =>
          page.locator('.react-flow__node.selected').first().getAttribute('data-id');
        await expect.poll(async () => made.includes((await selected()) ?? made[0]!)).toBe(false);
        const added = (await selected())!;
        made.push(added);
        await page.keyboard.type(`Reason ${i + 1}`);
        await page.keyboard.press('Escape');
        await settled();
        expect(await covered([added])).toEqual([]);
        // Back to the thesis (the nearest node above), for the next reason.
        await page.keyboard.press('ArrowUp');
        await expect
          .poll(() =>
            page.locator(`.react-flow__edge[data-from="${added}"]`).getAttribute('data-to'),
          )
          .toBe(thesis);
      }
      await page.locator('.react-flow__controls-fitview').click();
      await settled();
      expect(await covered(made)).toEqual([]);
    });
  });
}
