/**
 * No silent loss between tabs, in real Chromium over real IndexedDB: two tabs change one node at
 * the same moment (the text in one, the note in the other); the last write wins the node, and the
 * tab whose change it replaced says so, names the node, and restores its version on request.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage } from './browser';
import { contextPerTest, nodeOn } from './helpers';

const baseUrl = inject('baseUrl');
const session = contextPerTest({ viewport: { width: 1400, height: 900 } });

/** The statement node drawn nearest the canvas's centre. */
function centralNode(page: Page): Promise<string> {
  return page.locator('.react-flow__node-arg').evaluateAll((els) => {
    const c = document.querySelector('.canvas')!.getBoundingClientRect();
    const distance = (e: Element) => {
      const r = e.getBoundingClientRect();
      return Math.hypot(
        r.x + r.width / 2 - c.x - c.width / 2,
        r.y + r.height / 2 - c.y - c.height / 2,
      );
    };
    const boxes = els.filter((e) => !e.querySelector('.arg-inference'));
    boxes.sort((a, b) => distance(a) - distance(b));
    return boxes[0]!.getAttribute('data-id')!;
  });
}

const hasNotice = async (page: Page) => (await page.getByTestId('conflict-notice').count()) > 0;

describe('two tabs changing one node at the same moment', () => {
  it('the tab whose change was overwritten names the node and restores its version', async () => {
    const a = await openPage(session.context, baseUrl);
    const b = await openPage(session.context, baseUrl);
    const x = await centralNode(a.page);
    await nodeOn(a.page, x).click();
    await nodeOn(b.page, x).click();
    // Both edits land inside one autosave window, so neither tab has seen the other's write.
    await Promise.all([
      a.page.getByTestId('node-text').fill('Text changed in tab A'),
      b.page.getByTestId('node-note').fill('Note written in tab B'),
    ]);
    // Whichever wrote first is the one overwritten: exactly one tab says so.
    await expect
      .poll(async () => (await hasNotice(a.page)) !== (await hasNotice(b.page)), {
        timeout: 10_000,
      })
      .toBe(true);
    const [mine, theirs, field, value] = (await hasNotice(a.page))
      ? [a.page, b.page, 'node-text', 'Text changed in tab A']
      : [b.page, a.page, 'node-note', 'Note written in tab B'];
    expect(await theirs.getByTestId(field).inputValue()).not.toBe(value); // it was lost
    expect(await mine.getByTestId(`conflict-${x}`).count()).toBe(1);
    // Kept until dismissed: still there after the other tab edits something else.
    await theirs.getByTestId('node-text').fill('Later text from the other tab');
    await expect
      .poll(() => nodeOn(mine, x).textContent(), { timeout: 10_000 })
      .toContain('Later text from the other tab');
    expect(await mine.getByTestId(`conflict-${x}`).count()).toBe(1);

    await mine.getByTestId('conflict-restore').click();
    await expect.poll(() => hasNotice(mine)).toBe(false);
    await expect
      .poll(() => theirs.getByTestId(field).inputValue(), { timeout: 10_000 })
      .toBe(value);
    expect(await mine.getByTestId(field).inputValue()).toBe(value);
    expect([...a.errors, ...b.errors]).toEqual([]);
  });
});
