/**
 * The foundation slice in a real browser over real IndexedDB: the shipped map opens on first
 * launch, an edit survives a reload, a second tab sees the same map and the edit, and undo/redo
 * work from the buttons and the keyboard.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium, openPage } from './browser';

let browser: Browser;
let context: BrowserContext;
const baseUrl = inject('baseUrl');

beforeAll(async () => {
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
});
afterAll(async () => {
  await browser?.close();
});

describe('editing and persistence', () => {
  it('opens the shipped map, keeps an edit across a reload, and shows it in a second tab', async () => {
    const { page, errors } = await openPage(context, baseUrl);
    const firstNode = page.locator('.react-flow__node').first();
    const nodeId = await firstNode.getAttribute('data-id');
    expect(nodeId).toBeTruthy();
    await firstNode.click();

    const text = page.getByTestId('node-text');
    await expect.poll(() => text.isVisible()).toBe(true);
    const original = await text.inputValue();
    expect(original.length).toBeGreaterThan(0);
    await text.fill('');
    await text.pressSequentially('Edited in a real browser 已编辑');
    const canvasNode = page.locator(`.react-flow__node[data-id="${nodeId}"]`);
    await expect.poll(() => canvasNode.textContent()).toContain('Edited in a real browser 已编辑');
    await expect.poll(() => page.getByTestId('save-state').textContent()).toBe('Saved');

    await page.reload();
    await page.waitForSelector(`.react-flow__node[data-id="${nodeId}"]`);
    expect(await page.locator(`.react-flow__node[data-id="${nodeId}"]`).textContent()).toContain(
      'Edited in a real browser 已编辑',
    );

    const second = await openPage(context, baseUrl);
    expect(
      await second.page.locator(`.react-flow__node[data-id="${nodeId}"]`).textContent(),
    ).toContain('Edited in a real browser 已编辑');
    expect(await second.page.locator('.react-flow__node').count()).toBe(
      await page.locator('.react-flow__node').count(),
    );

    // An edit in one tab reaches the other without a reload (a change notice, then the records).
    await page.locator(`.react-flow__node[data-id="${nodeId}"]`).click();
    await page.getByTestId('node-text').fill('Changed in tab one');
    await expect
      .poll(() => second.page.locator(`.react-flow__node[data-id="${nodeId}"]`).textContent(), {
        timeout: 10_000,
      })
      .toContain('Changed in tab one');

    expect(errors).toEqual([]);
    expect(second.errors).toEqual([]);
    await second.page.close();
    await page.close();
  });

  it('keeps an edit followed at once by a reload, before the autosave delay has passed', async () => {
    const { page, errors } = await openPage(context, baseUrl);
    const node = page.locator('.react-flow__node').nth(2);
    const nodeId = await node.getAttribute('data-id');
    await node.click();
    await page.getByTestId('node-text').fill('Reloaded at once');
    await page.reload(); // no wait: the write starts when the page is hidden
    await page.waitForSelector(`.react-flow__node[data-id="${nodeId}"]`);
    expect(await page.locator(`.react-flow__node[data-id="${nodeId}"]`).textContent()).toContain(
      'Reloaded at once',
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('undoes and redoes an edit with the buttons and with Ctrl+Z / Ctrl+Shift+Z', async () => {
    const { page, errors } = await openPage(context, baseUrl);
    const node = page.locator('.react-flow__node').nth(1);
    const nodeId = await node.getAttribute('data-id');
    await node.click();
    const text = page.getByTestId('node-text');
    const before = await text.inputValue();
    await text.fill(`${before} (annotated)`);
    await expect.poll(() => text.inputValue()).toBe(`${before} (annotated)`);

    await page.getByTestId('undo').click();
    await expect.poll(() => text.inputValue()).toBe(before);
    await page.getByTestId('redo').click();
    await expect.poll(() => text.inputValue()).toBe(`${before} (annotated)`);

    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await page.locator(`.react-flow__node[data-id="${nodeId}"]`).click();
    await expect.poll(() => page.getByTestId('node-text').inputValue()).toBe(before);
    await page.keyboard.press('Control+Shift+z');
    await expect
      .poll(() => page.getByTestId('node-text').inputValue())
      .toBe(`${before} (annotated)`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lights up the cited sentence when a node is selected', async () => {
    const { page } = await openPage(context, baseUrl);
    const node = page.locator('.react-flow__node').first();
    await node.click();
    const lit = page.locator('[data-sentence-id][data-highlighted="true"]');
    await expect.poll(() => lit.count()).toBeGreaterThan(0);
    const quote = await page.locator('[data-testid="inspector"] blockquote').first().textContent();
    expect(quote && (await lit.first().textContent())?.includes(quote)).toBe(true);
    await page.close();
  });
});

describe('without IndexedDB', () => {
  // As in some private modes there is no IndexedDB at all; where the user blocks site data,
  // opening it throws.
  const breakages = {
    missing: () =>
      Object.defineProperty(window, 'indexedDB', { get: () => undefined, configurable: true }),
    blocked: () => {
      IDBFactory.prototype.open = () => {
        throw new DOMException('Access to IndexedDB is denied.', 'SecurityError');
      };
    },
  };
  it.each(['missing', 'blocked'] as const)(
    'keeps working in memory when IndexedDB is %s, says so in a banner, and still exports',
    async (how) => {
      const isolated = await browser.newContext({
        viewport: { width: 1400, height: 900 },
        acceptDownloads: true,
      });
      await isolated.addInitScript(breakages[how]);
      const page = await isolated.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(baseUrl);
      await page.waitForSelector('.react-flow__node');
      expect(await page.getByRole('alert').first().textContent()).toMatch(
        /storage is unavailable.*works in memory/s,
      );

      const node = page.locator('.react-flow__node').first();
      await node.click();
      await page.getByTestId('node-text').fill('Edited in memory');
      await expect.poll(() => node.textContent()).toContain('Edited in memory');

      await page.getByTestId('file-menu').click();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('export-json').click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.argmap\.json$/);
      expect(errors).toEqual([]);
      await isolated.close();
    },
  );
});
