/**
 * Issue #14 end to end: a PDF printed by a real typesetter (Chromium's print to PDF, with a
 * running header and page numbers) becomes a new map through File → New map from a file…; the
 * preview shows the cleaned text with its printed pages; a node cited from the second page says
 * "p. 2" in the inspector, the Markdown outline and the printed handout.
 */
import { readFile } from 'node:fs/promises';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { freshPagePerTest } from './freshPage';
import { nodeFromText, PICTURES_DRAWN } from './helpers';

const session = freshPagePerTest();
let page: Page;
beforeEach(() => {
  page = session.page;
});

const HEADER = 'City Review · Street Trees';
/** One sentence per paragraph, numbered, so that each page holds a known run of them. */
const sentence = (n: number) =>
  `Paragraph ${n} says that street trees shade the pavement and cool the houses beside them in summer.`;
const PARAGRAPHS = Array.from({ length: 60 }, (_, i) => sentence(i + 1));

/** The essay printed to PDF by the test's own Chromium: A5 pages, header, "- n -" footers. */
async function essayPdf(): Promise<Buffer> {
  const printer = await page.context().newPage();
  try {
    await printer.setContent(
      `<html lang="en"><body style="font: 12pt serif"><h1>Why street trees matter</h1>${PARAGRAPHS.map(
        (p) => `<p>${p}</p>`,
      ).join('')}</body></html>`,
    );
    const small = 'font-size:9px;width:100%;text-align:center;font-family:serif';
    return await printer.pdf({
      format: 'A5',
      displayHeaderFooter: true,
      headerTemplate: `<div style="${small}">${HEADER}</div>`,
      footerTemplate: `<div style="${small}">- <span class="pageNumber"></span> -</div>`,
      margin: { top: '2cm', bottom: '2cm', left: '2cm', right: '2cm' },
    });
  } finally {
    await printer.close();
  }
}

describe('a map made from a PDF', { timeout: 120_000 }, () => {
  it('previews the pages, then cites a quote with its page in the inspector, Markdown and handout', async () => {
    const pdf = await essayPdf();
    await page.getByTestId('file-menu').click();
    await page.getByTestId('new-map-from-file-input').setInputFiles({
      name: 'street-trees.pdf',
      mimeType: 'application/pdf',
      buffer: pdf,
    });
    const dialog = page.getByTestId('new-map-dialog');
    const marks = dialog.getByTestId('page-mark');
    await marks.first().waitFor({ timeout: 60_000 });
    expect(await dialog.locator('h2').textContent()).toBe('New map from a file');
    const labels = await marks.allTextContents();
    expect(labels.length).toBeGreaterThan(3);
    expect(labels.slice(0, 3)).toEqual(['p. 1', 'p. 2', 'p. 3']);
    // The cleaned text: every paragraph (once the preview has them all), no running header, no
    // page number lines.
    await dialog.locator('[data-testid="new-map-preview"][aria-busy="false"]').waitFor();
    const preview = (await dialog.getByTestId('new-map-preview').textContent()) ?? '';
    for (const p of PARAGRAPHS) expect(preview).toContain(p);
    expect(preview).not.toContain(HEADER);
    expect(preview).not.toMatch(/- \d+ -/);
    await dialog.getByTestId('create-map').click();
    await page.waitForFunction(
      () => document.querySelector('.toolbar h1')?.textContent === 'Why street trees matter',
    );

    // The first sentence that the printed page 2 holds, cited from the source pane.
    const exported = await exportedMap();
    const source = exported.sources[0]!;
    const page2 = source.pages!.find((p) => p.label === '2')!.start;
    const target = source.sentences.find((s) => s.start >= page2)!;
    const targetText = source.text.slice(target.start, target.end);
    // The source pane marks where the printed page begins, just before that sentence.
    const mark = page.getByTestId('source-pane').locator('.page-mark[data-page="2"]');
    await mark.scrollIntoViewIfNeeded();
    expect(await mark.textContent()).toBe('p. 2');
    expect(await mark.evaluate((m) => m.nextElementSibling?.getAttribute('data-sentence-id'))).toBe(
      target.id,
    );
    await page.locator(`[data-sentence-id="${target.id}"]`).scrollIntoViewIfNeeded();
    await nodeFromText(page, target.id, 0, targetText.length);
    // The node in the analyst's words, so the author's words are quoted beside it.
    await page.getByTestId('node-text').fill('Trees cool the street.');
    await page.getByTestId('node-text').press('Tab');
    const quotePage = page.getByTestId('quote-page');
    await quotePage.waitFor();
    expect(await quotePage.textContent()).toBe('p. 2');

    await page.getByTestId('file-menu').click();
    const [md] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-md').click(),
    ]);
    const markdown = (await readFile(await md.path())).toString('utf8');
    expect(markdown).toContain('Trees cool the street.');
    expect(markdown).toMatch(/p\. 2\b/);

    await page.evaluate(() => {
      window.print = () => undefined;
    });
    await page.getByTestId('file-menu').click();
    await page.getByTestId('export-print').click();
    const handout = page.getByTestId('print-handout');
    await expect.poll(() => handout.getAttribute('data-ready'), PICTURES_DRAWN).toBe('true');
    const entry = handout
      .locator('.handout-list > li')
      .filter({ hasText: 'Trees cool the street.' });
    const text = (await entry.textContent()) ?? '';
    expect(text).toContain(targetText.slice(0, 30));
    expect(text).toMatch(/p\. 2\b/);
  });
});

async function exportedMap(): Promise<{
  sources: {
    text: string;
    sentences: { id: string; start: number; end: number }[];
    pages?: { label: string; start: number }[];
  }[];
}> {
  await page.getByTestId('file-menu').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-json').click(),
  ]);
  return JSON.parse((await readFile(await download.path())).toString('utf8'));
}
