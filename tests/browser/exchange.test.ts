/**
 * Teaching and exchange from the UI, in real Chromium: every export downloads a file of its
 * format; the print handout renders (and prints to PDF); imports add new maps and report bad
 * files without touching stored ones; presentation mode steps through the tour.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { freshPagePerTest } from './freshPage';
import { PICTURES_DRAWN } from './helpers';

const session = freshPagePerTest();
let page: Page;
beforeEach(() => {
  page = session.page;
});

/** Clicks an item of the File menu and returns the downloaded file's name and bytes. */
async function downloadVia(testId: string): Promise<{ name: string; data: Buffer }> {
  await page.getByTestId('file-menu').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId(testId).click(),
  ]);
  const path = await download.path();
  return { name: download.suggestedFilename(), data: await readFile(path) };
}

describe('exports from the File menu', () => {
  it('downloads SVG, PNG, Markdown, Argdown, AIF, the map file and a backup', async () => {
    const svg = await downloadVia('export-svg');
    expect(svg.name).toMatch(/\.svg$/);
    const svgText = svg.data.toString('utf8');
    expect(svgText).toContain('<text');
    expect(svgText).toContain('美日');
    expect(svgText).not.toMatch(/<foreignObject|<script/i);

    for (const scale of [1, 2, 3]) {
      const png = await downloadVia(`export-png-${scale}x`);
      expect(png.name).toMatch(new RegExp(`@${scale}x\\.png$`));
      expect([...png.data.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
      if (scale === 1) expect(png.data.readUInt32BE(16)).toBeGreaterThan(500);
    }

    const md = (await downloadVia('export-md')).data.toString('utf8');
    expect(md).toMatch(/^# /m);
    expect(md).toContain('[^1]');

    const argdown = (await downloadVia('export-argdown')).data.toString('utf8');
    expect(argdown).toMatch(/^\[n\d+\]: /m);

    const aif = JSON.parse((await downloadVia('export-aif')).data.toString('utf8'));
    expect(aif.AIF.nodes.some((n: { type: string }) => n.type === 'RA')).toBe(true);

    const native = JSON.parse((await downloadVia('export-json')).data.toString('utf8'));
    expect(native.format).toBe('argmap');
    expect(native.nodes.length).toBeGreaterThan(60);

    const backup = JSON.parse((await downloadVia('export-backup')).data.toString('utf8'));
    expect(backup.format).toBe('argmap-backup');
    expect(backup.maps).toHaveLength(1);
  });

  it('renders the print handout with the quotes and prints it to PDF', async () => {
    await page.getByTestId('file-menu').click();
    await page.evaluate(() => (window.print = () => undefined));
    await page.getByTestId('export-print').click();
    await expect
      .poll(() => page.getByTestId('print-handout').getAttribute('data-ready'), PICTURES_DRAWN)
      .toBe('true');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.toolbar').isVisible()).toBe(false);
    expect(await page.getByTestId('print-handout').isVisible()).toBe(true);
    const items = page.locator('.handout-list li');
    expect(await items.count()).toBeGreaterThan(60);
    expect(await items.first().locator('blockquote').count()).toBeGreaterThan(0);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(20_000);
  });
});

describe('imports', () => {
  it('adds an Argdown file as a new map and reports a broken file, changing nothing stored', async () => {
    const before = await page.locator('.react-flow__node').count();
    await page.getByTestId('file-menu').click();
    await page.getByTestId('import-input').setInputFiles([
      {
        name: 'cats.argdown',
        mimeType: 'text/plain',
        buffer: Buffer.from(
          '[Cats]: Cats make good pets.\n  + <Calm>: Cats are calm animals.\n  - [Allergy]: Many people are allergic to cats.\n',
        ),
      },
      {
        name: 'broken.argmap.json',
        mimeType: 'application/json',
        buffer: Buffer.from('{"format": "argmap", "version": 1,'),
      },
    ]);
    const report = page.getByTestId('import-report');
    await expect.poll(() => report.textContent()).toContain('cats.argdown');
    expect(await report.textContent()).toContain('broken.argmap.json');
    expect(await report.textContent()).toMatch(/not valid JSON/);
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(3);
    await page.getByRole('button', { name: 'Map library' }).click();
    expect(await page.getByTestId('map-library').locator('li').count()).toBe(2);
    await page.getByTestId('map-library').locator('.library-open', { hasText: '美日' }).click();
    await page.waitForFunction(() =>
      document.querySelector('.toolbar h1')?.textContent?.includes('美日'),
    );
    // The canvas takes the nodes of its opening view a batch per task.
    await page.waitForSelector('.canvas:not([data-opening])');
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(before);
  });
});

describe('presentation mode', () => {
  it('steps through the tour with the keyboard, showing each node and its source', async () => {
    await page.getByTestId('present').click();
    const stage = page.getByTestId('presentation');
    // The title slide, the first section's overview, then the tour's first stop.
    await stage.waitFor();
    expect(await stage.getAttribute('data-slide-type')).toBe('title');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => stage.getAttribute('data-slide-type')).toBe('section');
    await page.keyboard.press('ArrowRight');
    const text = page.getByTestId('presentation-text');
    await expect.poll(() => text.count()).toBe(1);
    const first = await text.textContent();
    expect(first).toBeTruthy();
    expect(await stage.locator('blockquote').count()).toBeGreaterThan(0);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => text.textContent()).not.toBe(first);
    const shown = await page.getByTestId('presentation-node').getAttribute('data-node-id');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => text.textContent()).toBe(first);
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => page.getByTestId('presentation-node').getAttribute('data-node-id'))
      .toBe(shown);
    // Back in the editor, the map shows the node presented last, selected.
    await page.keyboard.press('Escape');
    await expect.poll(() => stage.count()).toBe(0);
    await expect
      .poll(() => page.locator('.react-flow__node.selected').getAttribute('data-id'))
      .toBe(shown);
  });
});
